import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AuditLogPanel } from './audit-log-panel';
import { BenchmarksPanel } from './benchmarks-panel';
import { UsersPanel } from './users-panel';

/** The admin page: accounts and what they may see, the benchmarks, and the audit log. Admins only. */
@Component({
  selector: 'iop-admin-page',
  imports: [AuditLogPanel, BenchmarksPanel, UsersPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Admin</h1>
    <iop-users-panel />
    <iop-benchmarks-panel />
    <iop-audit-log-panel />
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class AdminPage {}
