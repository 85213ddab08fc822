import type { Client } from 'pg';

/** The smallest valid network: one organisation, program, counselor, patient and episode (all id 1). */
export async function insertMinimalNetwork(client: Client): Promise<void> {
  await client.query(`
    INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
    INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES (1, 1, 'Evening IOP', '2.1', 'America/Chicago');
    INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES (1, 1, 1, 'Counselor A', 'counselor');
    INSERT INTO patients (id, org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id)
      VALUES (1, 1, 'P-0001', 1985, 'female', '606', 'employed', 'fixture', 'p1');
    INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
        admit_date, discharge_date, discharge_reason, primary_substance, oud, severity, prior_episodes, payer,
        primary_counselor_id, family_involved, source_system, source_id)
      VALUES (1, 1, 1, 1, '2.1', '2025-01-02', 'self', '2025-01-06', '2025-02-20', 1, 'alcohol', false, 2, 0,
        'medicaid', 1, true, 'fixture', 'e1');
  `);
}
