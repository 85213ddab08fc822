import { Session, User, UserProgram } from '@iop/schema';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersQuery } from './admin-users.query';
import { AdminUsersService } from './admin-users.service';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsQuery } from './audit-events.query';
import { AuditLogService } from './audit-log.service';

/** The admin page's API: accounts and their scopes, and the audit log with its CSV export. */
@Module({
  imports: [TypeOrmModule.forFeature([User, UserProgram, Session])],
  controllers: [AdminUsersController, AuditEventsController],
  providers: [AdminUsersService, AdminUsersQuery, AuditLogService, AuditEventsQuery],
})
export class AdminModule {}
