import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AuditLogPanel } from './audit-log-panel';
import { UsersPanel } from './users-panel';

/** The admin page: accounts and what they may see, and the audit log. Admins only. */
@Component({
  selector: 'iop-admin-page',
  imports: [AuditLogPanel, UsersPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Admin</h1>
    <iop-users-panel />
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
