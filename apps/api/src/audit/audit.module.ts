import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every domain that reads patient-level rows or exports must write to the audit log. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
