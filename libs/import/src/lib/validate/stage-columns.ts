import type { ImportEntity } from '@iop/contracts';

/**
 * The staging tables' columns per entity, after validation: the target table's columns with every internal id
 * still a source id (resolved by the merge), and instants as text plus a flag for "no offset given" (converted
 * in the program's time zone by the merge, which knows the program). Every staging table also has file, line
 * and resource_id first, so that a check in SQL can name the row it rejects.
 */
export const STAGE_COLUMNS: Readonly<Record<ImportEntity, ReadonlyArray<readonly [name: string, sqlType: string]>>> = {
  programs: [
    ['source_id', 'text'],
    ['name', 'text'],
    ['level_of_care', 'text'],
    ['asam_edition', 'smallint'],
    ['timezone', 'text'],
  ],
  staff: [
    ['source_id', 'text'],
    ['program_source_id', 'text'],
    ['display_name', 'text'],
    ['role', 'text'],
  ],
  patients: [
    ['source_id', 'text'],
    ['patient_key', 'text'],
    ['birth_year', 'smallint'],
    ['sex', 'text'],
    ['zip3', 'text'],
    ['employment', 'text'],
  ],
  episodes: [
    ['source_id', 'text'],
    ['program_source_id', 'text'],
    ['patient_source_id', 'text'],
    ['level_of_care', 'text'],
    ['referral_date', 'date'],
    ['referral_source', 'text'],
    ['prior_discharge_date', 'date'],
    ['admit_date', 'date'],
    ['discharge_date', 'date'],
    ['discharge_reason', 'smallint'],
    ['discharge_reason_local', 'text'],
    ['primary_substance', 'text'],
    ['oud', 'boolean'],
    ['severity', 'smallint'],
    ['prior_episodes', 'smallint'],
    ['payer', 'text'],
    ['primary_counselor_source_id', 'text'],
    ['family_involved', 'boolean'],
  ],
  appointments: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['session_type', 'text'],
    ['scheduled_start_text', 'text'],
    ['scheduled_start_local', 'boolean'],
    ['duration_min', 'smallint'],
    ['modality', 'text'],
    ['status', 'text'],
    ['staff_source_id', 'text'],
  ],
  drug_screens: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['collected_at_text', 'text'],
    ['collected_at_local', 'boolean'],
    ['expected', 'boolean'],
    ['result', 'text'],
    ['positive_for', 'text[]'],
  ],
  plan_goals: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['created_on', 'date'],
    ['due_on', 'date'],
    ['status', 'text'],
  ],
  assessments: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['instrument', 'text'],
    ['administered_at_text', 'text'],
    ['administered_at_local', 'boolean'],
    ['total', 'numeric(6, 2)'],
  ],
  medication_dispenses: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['medication', 'text'],
    ['dispensed_on', 'date'],
    ['days_supply', 'smallint'],
  ],
  mutual_help: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['week_start', 'date'],
    ['meetings', 'smallint'],
  ],
  charges: [
    ['source_id', 'text'],
    ['episode_source_id', 'text'],
    ['service_date', 'date'],
    ['code', 'text'],
    ['amount_cents', 'integer'],
    ['payer', 'text'],
  ],
};

/** The staging table of an entity: a temporary table, dropped at the end of the import's transaction. */
export const stageTable = (entity: ImportEntity): string => `import_stage_${entity}`;
