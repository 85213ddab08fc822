import { IMPORT_ENTITIES, type ImportEntity } from '@iop/contracts';
import { stringify } from 'csv-stringify/sync';
import type { BatchRecords, ContractRecords, ProgramRecord, StaffRecord } from './contract-rows';
import { OutputFile, type ExportedFile } from './output-file';

type Columns<Entity extends ImportEntity> = readonly (keyof ContractRecords[Entity] & string)[];

/** The columns of each CSV file, in the contract's order (docs/DATA-IMPORT.md); every one the schema holds. */
export const CSV_COLUMNS: { readonly [Entity in ImportEntity]: Columns<Entity> } = {
  programs: ['source_id', 'name', 'level_of_care', 'asam_edition', 'timezone'],
  staff: ['source_id', 'program_source_id', 'display_name', 'role'],
  patients: ['source_id', 'birth_year', 'sex', 'zip3', 'employment'],
  episodes: [
    'source_id',
    'program_source_id',
    'patient_source_id',
    'level_of_care',
    'referral_date',
    'referral_source',
    'prior_discharge_date',
    'admit_date',
    'discharge_date',
    'discharge_reason',
    'discharge_reason_local',
    'primary_substance',
    'oud',
    'severity',
    'prior_episodes',
    'payer',
    'primary_counselor_source_id',
    'family_involved',
  ],
  appointments: [
    'source_id',
    'episode_source_id',
    'session_type',
    'scheduled_start',
    'duration_min',
    'modality',
    'status',
    'staff_source_id',
  ],
  drug_screens: ['source_id', 'episode_source_id', 'collected_at', 'expected', 'result', 'positive_for'],
  plan_goals: ['source_id', 'episode_source_id', 'created_on', 'due_on', 'status'],
  assessments: ['source_id', 'episode_source_id', 'instrument', 'administered_at', 'total'],
  medication_dispenses: ['source_id', 'episode_source_id', 'medication', 'dispensed_on', 'days_supply'],
  mutual_help: ['source_id', 'episode_source_id', 'week_start', 'meetings'],
  charges: ['source_id', 'episode_source_id', 'service_date', 'code', 'amount_cents', 'payer'],
};

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
  return stringify(records.map((record) => columns.map((column) => cell(record[column]))));
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
