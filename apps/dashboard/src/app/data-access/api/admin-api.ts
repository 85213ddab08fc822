import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ADMIN_PATHS,
  type AdminUser,
  type AdminUserList,
  type AuditEventPage,
  type AuditEventQuery,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { toQueryParams, toQueryString } from './query-params';

/** The audit log's filters without the paging: what the CSV export takes. */
export type AuditEventFilters = Omit<AuditEventQuery, 'limit' | 'offset'>;

/** The CSV export's address for these filters, for a plain download link (the cookie authenticates it). */
export function auditCsvUrl(filters: AuditEventFilters): string {
  return `${ADMIN_PATHS.auditEventsCsv}${toQueryString(filters)}`;
}

/**
 * The admin endpoints: accounts and the audit log. Reads are resources (call them in an injection context);
 * changes are plain requests whose promise rejects with the API's HttpErrorResponse.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(): HttpResourceRef<AdminUserList | undefined> {
    return httpResource<AdminUserList>(() => ADMIN_PATHS.users);
  }

  auditEvents(query: () => AuditEventQuery): HttpResourceRef<AuditEventPage | undefined> {
    return httpResource<AuditEventPage>(() => ({ url: ADMIN_PATHS.auditEvents, params: toQueryParams(query()) }));
  }

  createUser(request: CreateUserRequest): Promise<AdminUser> {
    return firstValueFrom(this.http.post<AdminUser>(ADMIN_PATHS.users, request));
  }

  updateUser(id: number, request: UpdateUserRequest): Promise<AdminUser> {
    return firstValueFrom(this.http.patch<AdminUser>(`${ADMIN_PATHS.users}/${id}`, request));
  }
}
