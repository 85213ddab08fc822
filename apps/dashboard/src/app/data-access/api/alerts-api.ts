import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { computed, inject, Injectable, type Signal } from '@angular/core';
import {
  API_BASE_PATH,
  type AlertRule,
  type AlertRulesResponse,
  type AlertRuleValue,
  type NotificationsResponse,
  type UnreadNotificationsResponse,
} from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../auth/auth-session';

/** The alert endpoints (docs/ARCHITECTURE.md "Alerts"). */
export const ALERTS_PATHS = {
  rules: `${API_BASE_PATH}/alerts/rules`,
  rule: (id: number) => `${API_BASE_PATH}/alerts/rules/${id}`,
  evaluate: `${API_BASE_PATH}/alerts/evaluate`,
  notifications: `${API_BASE_PATH}/notifications`,
  unreadCount: `${API_BASE_PATH}/notifications/unread-count`,
  readAll: `${API_BASE_PATH}/notifications/read-all`,
  read: (id: number) => `${API_BASE_PATH}/notifications/${id}/read`,
} as const;

/**
 * The caller's alert rules and notifications. The unread count is one resource for the whole app (the toolbar's
 * bell), keyed on the user and reloaded after every change here; lists are resources made in an injection context.
 */
@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);

  private readonly unreadResource = httpResource<UnreadNotificationsResponse>(() =>
    this.session.user() ? { url: ALERTS_PATHS.unreadCount } : undefined,
  );

  /** The bell's number; 0 while unknown or when it cannot be loaded (the bell then shows none). */
  readonly unread: Signal<number> = computed(() =>
    this.unreadResource.hasValue() ? (this.unreadResource.value()?.unread ?? 0) : 0,
  );

  refreshUnread(): void {
    this.unreadResource.reload();
  }

  rules(): HttpResourceRef<AlertRulesResponse | undefined> {
    return httpResource<AlertRulesResponse>(() => (this.session.user() ? { url: ALERTS_PATHS.rules } : undefined));
  }

  notifications(): HttpResourceRef<NotificationsResponse | undefined> {
    return httpResource<NotificationsResponse>(() =>
      this.session.user() ? { url: ALERTS_PATHS.notifications } : undefined,
    );
  }

  createRule(value: AlertRuleValue): Promise<AlertRule> {
    return firstValueFrom(this.http.post<AlertRule>(ALERTS_PATHS.rules, value));
  }

  updateRule(id: number, value: AlertRuleValue): Promise<AlertRule> {
    return firstValueFrom(this.http.put<AlertRule>(ALERTS_PATHS.rule(id), value));
  }

  async removeRule(id: number): Promise<void> {
    await firstValueFrom(this.http.delete<void>(ALERTS_PATHS.rule(id)));
  }

  async markRead(id: number): Promise<void> {
    await firstValueFrom(this.http.post<void>(ALERTS_PATHS.read(id), null));
    this.refreshUnread();
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.http.post<void>(ALERTS_PATHS.readAll, null));
    this.refreshUnread();
  }
}
