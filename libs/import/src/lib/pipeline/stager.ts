import type { ImportEntity } from '@iop/contracts';
import { unparse } from 'papaparse';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SourceRecord } from '../source-record';
import { STAGE_COLUMNS, stageTable } from '../validate/stage-columns';
import type { StagedValues } from '../validate/validate-record';

/**
 * Papa Parse writes a batch of rows as CSV about ten times as fast as csv-stringify (1.5 s against 18 s a million
 * staged appointments), which made staging half of an import's reading time. It quotes a value holding the
 * delimiter, a quote or a line break, and writes null as an empty field, which COPY reads as NULL; booleans as
 * true/false, which COPY reads. Staged values are never empty strings (an empty cell is a missing value).
 */
const CSV_OPTIONS = { newline: '\n', header: false } as const;
const ROWS_PER_COPY = 10_000;

/** The source ids of rows rejected while reading: the checks in SQL do not also report references to them. */
export const REJECTED_IDS_TABLE = 'import_stage_rejected';

/** Creates the staging tables: temporary, dropped when the import's transaction ends. */
export async function createStageTables(client: ClientBase): Promise<void> {
  for (const [entity, columns] of Object.entries(STAGE_COLUMNS)) {
    const definitions = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    await client.query(
      `CREATE TEMPORARY TABLE ${stageTable(entity as ImportEntity)} (file text NOT NULL, line integer, resource_id text, ${definitions}) ON COMMIT DROP`,
    );
  }
  await client.query(`CREATE TEMPORARY TABLE ${REJECTED_IDS_TABLE} (entity text, source_id text) ON COMMIT DROP`);
}

/**
 * Writes validated rows into the staging tables with COPY, in batches per entity, so that memory stays flat
 * whatever the file's size and records of several entities may arrive interleaved (FHIR Bundles).
 */
export class Stager {
  private readonly pending = new Map<ImportEntity, unknown[][]>();
  /** The COPY being written while the next batch is read: parsing and loading overlap, one batch deep. */
  private inFlight: Promise<void> = Promise.resolve();
  readonly staged = new Map<ImportEntity, number>();
  private readonly rejectedIds: Array<[ImportEntity, string]> = [];

  constructor(private readonly client: ClientBase) {}

  /**
   * Remembers a rejected row's source id (when it has one), so that its children are not reported as orphans.
   * Like add, returns a promise only when a batch went to the database (await it before the next row).
   */
  addRejected(record: SourceRecord): Promise<void> | undefined {
    const sourceId = record.values['source_id']?.trim();
    if (!sourceId) return undefined;
    this.rejectedIds.push([record.entity, sourceId]);
    return this.rejectedIds.length >= ROWS_PER_COPY ? this.copyRejectedIds() : undefined;
  }

  /**
   * Buffers a validated row; when its entity's batch is full, returns the promise of writing it. Rows arrive a
   * million at a time: awaiting only the batches, not every row, keeps the reader's cost per row down.
   */
  add(record: SourceRecord, values: StagedValues): Promise<void> | undefined {
    let rows = this.pending.get(record.entity);
    if (!rows) this.pending.set(record.entity, (rows = []));
    rows.push([record.file, record.line, record.resourceId, ...values]);
    this.staged.set(record.entity, (this.staged.get(record.entity) ?? 0) + 1);
    return rows.length >= ROWS_PER_COPY ? this.copy(record.entity) : undefined;
  }

  /** Writes what is still buffered and gives the planner the staging tables' statistics. */
  async close(): Promise<void> {
    for (const entity of [...this.pending.keys()]) await this.copy(entity);
    await this.copyRejectedIds();
    await this.inFlight;
    for (const entity of this.staged.keys()) await this.client.query(`ANALYZE ${stageTable(entity)}`);
  }

  private async copy(entity: ImportEntity): Promise<void> {
    const rows = this.pending.get(entity);
    if (!rows || rows.length === 0) return;
    this.pending.set(entity, []);
    const columns = ['file', 'line', 'resource_id', ...STAGE_COLUMNS[entity].map(([name]) => name)];
    await this.copyRows(`${stageTable(entity)} (${columns.join(', ')})`, rows);
  }

  private async copyRejectedIds(): Promise<void> {
    if (this.rejectedIds.length === 0) return;
    await this.copyRows(`${REJECTED_IDS_TABLE} (entity, source_id)`, this.rejectedIds.splice(0));
  }

  private async copyRows(target: string, rows: unknown[][]): Promise<void> {
    await this.inFlight;
    const csv = unparse(rows, CSV_OPTIONS) + '\n';
    const stream = this.client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`));
    this.inFlight = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(csv);
    });
    // A failed COPY is reported by the next await of inFlight, not as an unhandled rejection now.
    this.inFlight.catch(() => undefined);
  }
}
