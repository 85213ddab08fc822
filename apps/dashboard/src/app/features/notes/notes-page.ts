import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { Annotation } from '@iop/contracts';
import { AnnotationsApi, annotationQueryOf } from '../../data-access/api/annotations-api';
import { FiltersApi } from '../../data-access/api/filters-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { AuthSession } from '../../data-access/auth/auth-session';
import { FilterState } from '../../data-access/filters/filter-state';
import { annotationDates, annotationScope } from '../../ui/charts/chart-annotations';
import { NoteForm } from './note-form';
import { NOTE_WRITER_ROLES, noteProblem, programChoicesFor } from './notes-display';

/** What the form is doing: nothing, adding a note, or changing one. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; annotation: Annotation };

/**
 * The Notes page: the notes on the charts for the filter bar's programs and dates, added, changed and deleted here
 * (docs/SECURITY.md "Roles" says who may write which; a payer reads the network-wide notes only).
 */
@Component({
  selector: 'iop-notes-page',
  imports: [MatButton, MatTableModule, NoteForm],
  templateUrl: './notes-page.html',
  styleUrl: './notes-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotesPage {
  private readonly api = inject(AnnotationsApi);
  private readonly session = inject(AuthSession);
  private readonly filters = inject(FilterState).filters;
  private readonly listResource = this.api.list(() => annotationQueryOf(this.filters()));
  private readonly optionsResource = inject(FiltersApi).options();

  private readonly role = computed(() => this.session.user()?.role);
  protected readonly mayWrite = computed(() => {
    const role = this.role();
    return role !== undefined && NOTE_WRITER_ROLES.includes(role);
  });
  protected readonly programChoices = computed(() =>
    programChoicesFor(
      this.role(),
      this.optionsResource.hasValue() ? (this.optionsResource.value()?.programs ?? []) : [],
    ),
  );
  /** Kept while a reload runs, so that the table does not blink after a change. */
  protected readonly annotations = computed(() =>
    this.listResource.hasValue() ? (this.listResource.value()?.annotations ?? []) : undefined,
  );
  protected readonly loadError = errorMessageOf(this.listResource);
  protected readonly columns = computed(() =>
    this.mayWrite() ? ['dates', 'scope', 'text', 'author', 'actions'] : ['dates', 'scope', 'text'],
  );

  protected readonly editing = signal<Editing>({ kind: 'none' });
  protected readonly notice = signal('');
  protected readonly problem = signal('');
  protected readonly dates = annotationDates;
  protected readonly scope = annotationScope;

  protected add(): void {
    this.notice.set('');
    this.editing.set({ kind: 'new' });
  }

  protected edit(annotation: Annotation): void {
    this.notice.set('');
    this.editing.set({ kind: 'edit', annotation });
  }

  protected saved(annotation: Annotation): void {
    this.editing.set({ kind: 'none' });
    this.notice.set(`Note of ${annotationDates(annotation)} saved.`);
    this.listResource.reload();
  }

  protected async remove(annotation: Annotation): Promise<void> {
    this.problem.set('');
    try {
      await this.api.remove(annotation.id);
      this.notice.set(`Note of ${annotationDates(annotation)} deleted.`);
      this.listResource.reload();
    } catch (error) {
      this.problem.set(noteProblem(error));
    }
  }

  protected reload(): void {
    this.listResource.reload();
  }
}
