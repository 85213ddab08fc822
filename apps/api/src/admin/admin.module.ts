import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersQuery } from './admin-users.query';
import { AdminUsersService } from './admin-users.service';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsQuery } from './audit-events.query';
import { AuditLogService } from './audit-log.service';

/** The admin page's API (issue 5): accounts and their scopes, and the audit log with its CSV export. */
@Module({
  controllers: [AdminUsersController, AuditEventsController],
  providers: [AdminUsersService, AdminUsersQuery, AuditLogService, AuditEventsQuery],
})
export class AdminModule {}
