import { AUDIT_CSV_COLUMNS, AUDIT_PAGE_SIZE_DEFAULT, type AuditEvent, type AuditEventPage } from '@iop/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import type { AuditEventFiltersDto, AuditEventPageQueryDto } from './audit-events.dto';
import { AuditEventsQuery } from './audit-events.query';

/** The filters as the audit entry of a read records them: only those given. */
function filtersOf(query: AuditEventFiltersDto): Record<string, string> {
  const { from, to, action, email, outcome } = query;
  return Object.fromEntries(
    Object.entries({ from, to, action, email, outcome }).filter(([, value]) => value !== undefined),
  ) as Record<string, string>;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, and e-mails
 * typed at a failed sign-in reach the log unchecked: such a cell is written with a leading apostrophe (OWASP's
 * advice on CSV injection), which spreadsheets show as text.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function checkDateRange(query: AuditEventFiltersDto): void {
  if (query.from && query.to && query.from > query.to) throw new BadRequestException('from must not be after to');
}

/** Browsing and exporting the audit log, which are themselves audited (who looked at whom). */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly events: AuditEventsQuery,
    private readonly audit: AuditService,
  ) {}

  async page(admin: SignedInUser, query: AuditEventPageQueryDto, ip: string | null): Promise<AuditEventPage> {
    checkDateRange(query);
    const limit = query.limit ?? AUDIT_PAGE_SIZE_DEFAULT;
    const offset = query.offset ?? 0;
    const { events, total } = await this.events.page(query, limit, offset);
    await this.audit.record({
      user: admin,
      action: 'admin.audit.read',
      resource: 'audit-events',
      filters: { ...filtersOf(query), limit, offset },
      rowCount: events.length,
      ip,
    });
    return { events, total, limit, offset };
  }

  /** Checked before the response starts, so that a bad filter is still a 400 and not a broken download. */
  checkExport(query: AuditEventFiltersDto): void {
    checkDateRange(query);
  }

  /** Streams the matching events as CSV (header row first) into `output`, and ends it. */
  async exportCsv(admin: SignedInUser, query: AuditEventFiltersDto, ip: string | null, output: Writable) {
    let rowCount = 0;
    const events = this.events.all(query);
    async function* counted(): AsyncGenerator<AuditEvent> {
      for await (const event of events) {
        rowCount++;
        yield event;
      }
    }
    const csv = stringify({
      header: true,
      columns: [...AUDIT_CSV_COLUMNS],
      cast: { string: neutralizeFormula, object: (value) => JSON.stringify(value) },
    });
    let outcome: 'ok' | 'failed' = 'ok';
    try {
      await pipeline(Readable.from(counted()), csv, output);
    } catch (error) {
      outcome = 'failed';
      throw error;
    } finally {
      await this.audit.record({
        user: admin,
        action: 'admin.audit.export',
        resource: 'audit-events',
        filters: filtersOf(query),
        rowCount,
        ip,
        outcome,
      });
    }
  }
}
