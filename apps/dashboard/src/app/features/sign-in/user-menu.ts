import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthSession } from '../../data-access/auth/auth-session';

/** Role names as the toolbar shows them. */
export const ROLE_LABELS = { director: 'Director', payer: 'Payer', quality: 'Quality', admin: 'Admin' } as const;

/** The signed-in user and their role in the toolbar, with sign-out. */
@Component({
  selector: 'iop-user-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user(); as user) {
      <span class="who" data-testid="signed-in-user">
        <span class="name">{{ user.displayName || user.email }}</span>
        <span class="role" data-testid="signed-in-role">{{ roleLabels[user.role] }}</span>
      </span>
      <button
        type="button"
        class="sign-out"
        data-testid="sign-out"
        [attr.title]="'Signed in as ' + user.email + ' (' + roleLabels[user.role] + ')'"
        (click)="signOut()"
      >
        Sign out
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .who {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-label-large);
    }
    .role {
      padding: 2px 8px;
      border-radius: 12px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-medium);
    }
    .sign-out {
      background: none;
      border: 1px solid currentColor;
      border-radius: 16px;
      padding: 4px 12px;
      color: inherit;
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .sign-out:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
    @media (max-width: 767.98px) {
      .name {
        display: none;
      }
    }
    /* On a phone the toolbar keeps its menu, name, sign-out and theme; the role is then in the menu's title. */
    @media (max-width: 479.98px) {
      .who {
        display: none;
      }
    }
  `,
})
export class UserMenu {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly roleLabels = ROLE_LABELS;

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigate(['/login']);
  }
}
