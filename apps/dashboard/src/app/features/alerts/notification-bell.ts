import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AlertsApi } from '../../data-access/api/alerts-api';
import { AuthSession } from '../../data-access/auth/auth-session';

/** How often the bell asks for the unread count, so that an evaluation after a load shows without a reload. */
const REFRESH_MS = 60_000;

/** The toolbar's bell: the signed-in user's unread notifications, linking to their list. */
@Component({
  selector: 'iop-notification-bell',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user()) {
      <a
        class="bell"
        routerLink="/notifications"
        data-testid="notification-bell"
        [attr.aria-label]="label()"
        [attr.title]="label()"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z"
          />
        </svg>
        @if (unread() > 0) {
          <span class="count" data-testid="notification-count" aria-hidden="true">{{ shown() }}</span>
        }
      </a>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
    }
    .bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      color: inherit;
    }
    .bell:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
    .count {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 18px;
      text-align: center;
    }
  `,
})
export class NotificationBell {
  protected readonly session = inject(AuthSession);
  private readonly api = inject(AlertsApi);
  protected readonly unread = this.api.unread;
  protected readonly shown = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly label = computed(() =>
    this.unread() === 0 ? 'Notifications, none unread' : `Notifications, ${this.unread()} unread`,
  );

  constructor() {
    const timer = setInterval(() => this.api.refreshUnread(), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
