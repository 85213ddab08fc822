import type { EpisodeFilters } from '@iop/contracts';
import type { SignedInUser } from '../access/signed-in-user';
import type { AuditService } from '../audit/audit.service';

/** The filters as an audit entry records them: only those given. */
export function filtersOf(filters: EpisodeFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}

/** The audit event of one export, but for the row count and the outcome, which the export itself decides. */
export interface ExportAuditEntry {
  user: SignedInUser;
  action: string;
  resource: string;
  filters: object;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * Runs one export over `rows` and writes exactly one audit event, whatever happens: the rows that went out and
 * whether the export finished (`ok`) or was cut (`failed`, and the error is rethrown).
 */
export async function auditedExport<Row>(
  audit: AuditService,
  entry: ExportAuditEntry,
  rows: AsyncIterable<Row> | Iterable<Row>,
  write: (rows: AsyncIterable<Row>) => Promise<void>,
): Promise<void> {
  let rowCount = 0;
  async function* counted(): AsyncGenerator<Row> {
    for await (const row of rows) {
      rowCount++;
      yield row;
    }
  }
  await auditedWrite(
    audit,
    entry,
    () => rowCount,
    () => write(counted()),
  );
}

/**
 * The same for an export that counts its own rows (the CSV that PostgreSQL writes): `rowsWritten` is read once
 * `write` has finished or failed.
 */
export async function auditedWrite(
  audit: AuditService,
  entry: ExportAuditEntry,
  rowsWritten: () => number,
  write: () => Promise<void>,
): Promise<void> {
  let outcome: 'ok' | 'failed' = 'ok';
  try {
    await write();
  } catch (error) {
    outcome = 'failed';
    throw error;
  } finally {
    await audit.record({ ...entry, rowCount: rowsWritten(), outcome });
  }
}
