import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AUDIT_OUTCOMES, AUDIT_PAGE_SIZE_DEFAULT, type AuditEvent, type AuditOutcome } from '@iop/contracts';
import { AdminApi, type AuditEventFilters, auditCsvUrl } from '../../data-access/api/admin-api';
import { errorMessageOf } from '../../data-access/api/resource-state';

const AT_FORMAT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** The time of an event in UTC, like the day filters. */
export const formatEventTime = (at: string) => AT_FORMAT.format(new Date(at));

/** Filters, details or nothing, on one line. */
export function formatEventDetails(event: AuditEvent): string {
  const parts = [
    event.filters && `filters ${JSON.stringify(event.filters)}`,
    event.details && JSON.stringify(event.details),
  ];
  return parts.filter(Boolean).join(' ') || '—';
}

/** The audit log: filters, a page of events newest first, and the same filters as a CSV download. */
@Component({
  selector: 'iop-audit-log-panel',
  imports: [
    ReactiveFormsModule,
    MatAnchor,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-panel.html',
  styleUrl: './admin-panels.scss',
})
export class AuditLogPanel {
  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly columns = ['at', 'email', 'role', 'action', 'resource', 'outcome', 'rowCount', 'details'];
  protected readonly form = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    email: new FormControl('', { nonNullable: true }),
    outcome: new FormControl<AuditOutcome | ''>('', { nonNullable: true }),
  });

  /** The filters last applied (the form's edits wait for "Apply"), and the page shown. */
  protected readonly filters = signal<AuditEventFilters>({});
  protected readonly pageSize = signal(AUDIT_PAGE_SIZE_DEFAULT);
  protected readonly pageIndex = signal(0);

  private readonly events = inject(AdminApi).auditEvents(() => ({
    ...this.filters(),
    limit: this.pageSize(),
    offset: this.pageIndex() * this.pageSize(),
  }));
  protected readonly page = computed(() => (this.events.hasValue() ? this.events.value() : undefined));
  protected readonly rows = computed(() => this.page()?.events ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);
  protected readonly loading = computed(() => this.events.isLoading());
  protected readonly errorMessage = errorMessageOf(this.events);
  protected readonly csvUrl = computed(() => auditCsvUrl(this.filters()));

  protected readonly formatTime = formatEventTime;
  protected readonly formatDetails = formatEventDetails;

  protected apply(): void {
    const value = this.form.getRawValue();
    const filters: AuditEventFilters = {};
    if (value.from) filters.from = value.from;
    if (value.to) filters.to = value.to;
    if (value.action.trim()) filters.action = value.action.trim().toLowerCase();
    if (value.email.trim()) filters.email = value.email.trim();
    if (value.outcome) filters.outcome = value.outcome;
    this.filters.set(filters);
    this.pageIndex.set(0);
  }

  protected clear(): void {
    this.form.reset();
    this.apply();
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
