import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { AdminUser } from '@iop/contracts';
import { AdminApi } from '../../data-access/api/admin-api';
import { FiltersApi } from '../../data-access/api/filters-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { ROLE_LABELS, scopeLabel, statusLabel } from './admin-display';
import { UserForm } from './user-form';

/** Every account in a table; a form above it creates one or edits the one chosen. */
@Component({
  selector: 'iop-users-panel',
  imports: [MatButton, MatProgressBar, MatTableModule, UserForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-panel.html',
  styleUrl: './admin-panels.scss',
})
export class UsersPanel {
  private readonly usersResource = inject(AdminApi).users();
  private readonly options = inject(FiltersApi).options();

  protected readonly columns = ['email', 'displayName', 'role', 'scope', 'status', 'actions'];
  protected readonly users = computed(() => (this.usersResource.hasValue() ? this.usersResource.value().users : []));
  protected readonly loading = computed(() => this.usersResource.isLoading());
  protected readonly errorMessage = errorMessageOf(this.usersResource);
  protected readonly programs = computed(() => (this.options.hasValue() ? this.options.value().programs : []));
  private readonly programNames = computed(() => new Map(this.programs().map((p) => [p.id, p.name])));

  /** 'new' while creating, the account while editing it, null otherwise. */
  protected readonly editing = signal<AdminUser | 'new' | null>(null);
  /**
   * The form as a list of at most one, tracked by account: choosing another account builds a fresh form for it
   * rather than reusing the previous one's state.
   */
  protected readonly forms = computed(() => {
    const editing = this.editing();
    return editing === null
      ? []
      : [{ key: editing === 'new' ? 'new' : editing.id, user: editing === 'new' ? null : editing }];
  });
  protected readonly notice = signal('');

  protected readonly roleLabel = (user: AdminUser) => ROLE_LABELS[user.role];
  protected readonly scopeOf = (user: AdminUser) => scopeLabel(user, this.programNames());
  protected readonly statusOf = (user: AdminUser) => statusLabel(user);

  protected startCreating(): void {
    this.notice.set('');
    this.editing.set('new');
  }

  protected edit(user: AdminUser): void {
    this.notice.set('');
    this.editing.set(user);
  }

  protected saved(user: AdminUser, created: boolean): void {
    this.editing.set(null);
    this.notice.set(created ? `Created ${user.email}.` : `Saved ${user.email}.`);
    this.usersResource.reload();
  }
}
