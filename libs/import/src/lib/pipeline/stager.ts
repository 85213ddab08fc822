import type { ImportEntity } from '@iop/contracts';
import { stringify } from 'csv-stringify/sync';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SourceRecord } from '../source-record';
import { STAGE_COLUMNS, stageTable } from '../validate/stage-columns';
import type { StagedValues } from '../validate/validate-record';

/** csv-stringify writes booleans as 1/'' by default; COPY (FORMAT csv) would read '' as NULL. */
const CSV_OPTIONS = { cast: { boolean: (value: boolean) => (value ? 't' : 'f') } };
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

  /** Remembers a rejected row's source id (when it has one), so that its children are not reported as orphans. */
  async addRejected(record: SourceRecord): Promise<void> {
    const sourceId = record.values['source_id']?.trim();
    if (!sourceId) return;
    this.rejectedIds.push([record.entity, sourceId]);
    if (this.rejectedIds.length >= ROWS_PER_COPY) await this.copyRejectedIds();
  }

  async add(record: SourceRecord, values: StagedValues): Promise<void> {
    let rows = this.pending.get(record.entity);
    if (!rows) this.pending.set(record.entity, (rows = []));
    rows.push([record.file, record.line, record.resourceId, ...values]);
    this.staged.set(record.entity, (this.staged.get(record.entity) ?? 0) + 1);
    if (rows.length >= ROWS_PER_COPY) await this.copy(record.entity);
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
    const csv = stringify(rows, CSV_OPTIONS);
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
