import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AlertNotification } from '@iop/contracts';
import { AlertsApi } from '../../data-access/api/alerts-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { alertProblem, firedAtText } from './alerts-display';

/** The signed-in user's notifications, newest first: each rule's finding with its interval and n; mark as read. */
@Component({
  selector: 'iop-notifications-page',
  imports: [MatButton, MatProgressBar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications-page.html',
  styleUrl: './alerts-page.scss',
})
export class NotificationsPage {
  private readonly api = inject(AlertsApi);
  private readonly resource = this.api.notifications();
  protected readonly loading = computed(() => this.resource.isLoading());
  protected readonly loadError = errorMessageOf(this.resource);
  protected readonly notifications = computed(() =>
    this.resource.hasValue() ? (this.resource.value()?.notifications ?? []) : undefined,
  );
  protected readonly unread = computed(() => (this.resource.hasValue() ? (this.resource.value()?.unread ?? 0) : 0));
  protected readonly problem = signal('');
  protected readonly firedAt = firedAtText;

  protected async markRead(notification: AlertNotification): Promise<void> {
    this.problem.set('');
    try {
      await this.api.markRead(notification.id);
      this.resource.reload();
    } catch (error) {
      this.problem.set(alertProblem(error));
    }
  }

  protected async markAllRead(): Promise<void> {
    this.problem.set('');
    try {
      await this.api.markAllRead();
      this.resource.reload();
    } catch (error) {
      this.problem.set(alertProblem(error));
    }
  }

  protected reload(): void {
    this.resource.reload();
    this.api.refreshUnread();
  }
}
