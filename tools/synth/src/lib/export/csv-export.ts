import { IMPORT_ENTITIES, type ImportEntity } from '@iop/contracts';
import { exportColumns } from '@iop/import';
import { stringify } from 'csv-stringify/sync';
import type { BatchRecords, ContractRecords, ProgramRecord, StaffRecord } from './contract-rows';
import { OutputFile, type ExportedFile } from './output-file';

/** The columns of each CSV file, in the contract's order (docs/DATA-IMPORT.md); every one the schema holds. */
export const CSV_COLUMNS: Readonly<Record<ImportEntity, readonly string[]>> = Object.fromEntries(
  IMPORT_ENTITIES.map((entity) => [entity, exportColumns(entity)]),
) as Record<ImportEntity, string[]>;

export const csvFileName = (entity: ImportEntity): string => `${entity}.csv`;

/** A cell as the contract writes it: booleans true/false, lists joined by `;`, absent = empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  throw new Error(`no CSV cell for ${typeof value}`);
}

function csvLines<Entity extends ImportEntity>(entity: Entity, records: readonly ContractRecords[Entity][]): string {
  const columns = CSV_COLUMNS[entity];
  return stringify(records.map((record) => columns.map((column) => cell(Reflect.get(record, column)))));
}

/** The eleven CSV files of the contract, written as the batches come. */
export class CsvExport {
  private readonly files: { [Entity in ImportEntity]: OutputFile };

  private constructor(directory: string) {
    this.files = Object.fromEntries(
      IMPORT_ENTITIES.map((entity) => [entity, OutputFile.create(directory, csvFileName(entity))]),
    ) as { [Entity in ImportEntity]: OutputFile };
  }

  /** Opens every file and writes its header row. */
  static async open(directory: string): Promise<CsvExport> {
    const csv = new CsvExport(directory);
    for (const entity of IMPORT_ENTITIES) await csv.files[entity].write(stringify([[...CSV_COLUMNS[entity]]]), 0);
    return csv;
  }

  async writeNetwork(programs: readonly ProgramRecord[], staff: readonly StaffRecord[]): Promise<void> {
    await this.append('programs', programs);
    await this.append('staff', staff);
  }

  async writeBatch(batch: BatchRecords): Promise<void> {
    await this.append('patients', batch.patients);
    await this.append('episodes', batch.episodes);
    await this.append('appointments', batch.appointments);
    await this.append('drug_screens', batch.drug_screens);
    await this.append('plan_goals', batch.plan_goals);
    await this.append('assessments', batch.assessments);
    await this.append('medication_dispenses', batch.medication_dispenses);
    await this.append('mutual_help', batch.mutual_help);
    await this.append('charges', batch.charges);
  }

  async close(): Promise<ExportedFile[]> {
    const closed: ExportedFile[] = [];
    for (const entity of IMPORT_ENTITIES) closed.push(await this.files[entity].close());
    return closed;
  }

  abort(): void {
    for (const entity of IMPORT_ENTITIES) this.files[entity].abort();
  }

  private async append<Entity extends ImportEntity>(
    entity: Entity,
    records: readonly ContractRecords[Entity][],
  ): Promise<void> {
    if (records.length > 0) await this.files[entity].write(csvLines(entity, records), records.length);
  }
}
