import { MigrationInterface, QueryRunner } from 'typeorm';

const TEDS_2004 =
  'SAMHSA, Treatment Episode Data Set (TEDS) 2004: Discharges from Substance Abuse Treatment Services (2006 data release)';
const TEDS_2019_ABSTINENCE =
  'SAMHSA, TEDS-D 2019 codebook (frequency of use at discharge, FREQ1_D): 575,133 of the 1,185,379 discharges with a ' +
  'known value used the primary substance not at all in the past month (48.5%). All service types and self-reported, ' +
  'so not the screen-based abstinence measured for IOP here; replace with a figure for the comparator when known.';

/**
 * The published defaults of @iop/contracts DEFAULT_COMPARATOR_SETTINGS as they were when this migration was written
 * (a migration does not change when the defaults do).
 */
const COMPARATORS = [
  {
    key: 'comparator.residential',
    value: {
      lengthOfStay: {
        typicalDays: 20,
        lowDays: 20,
        highDays: 26,
        source: `${TEDS_2004}, Table 2.5 and chapter 5: 78,423 short-term residential discharges, median length of stay 20 days, mean 26 days.`,
      },
      completionRate: {
        value: 0.6149,
        source: `${TEDS_2004}, Table 2.5: 48,222 of 78,423 short-term residential discharges completed treatment (61.5%).`,
      },
      abstinenceRate: { value: 0.4852, source: TEDS_2019_ABSTINENCE },
    },
  },
  {
    key: 'comparator.inpatient',
    value: {
      lengthOfStay: {
        typicalDays: 11,
        lowDays: 11,
        highDays: 29,
        source: `${TEDS_2004}, Table 2.5 and chapter 7: 8,080 hospital residential discharges, median length of stay 11 days, mean 29 days.`,
      },
      completionRate: {
        value: 0.6927,
        source: `${TEDS_2004}, Table 2.5: 5,597 of 8,080 hospital residential discharges completed treatment (69.3%).`,
      },
      abstinenceRate: { value: 0.4852, source: TEDS_2019_ABSTINENCE },
    },
  },
];

/**
 * The inpatient and residential comparators' typical length of stay (with a low and a high for the sensitivity
 * range) and outcome rates, each with its source, for every existing organisation that has none (docs/METRICS.md
 * "Costs"). A comparator episode was priced at the IOP episodes' own mean length of stay before.
 */
export class ComparatorSettings1765300000000 implements MigrationInterface {
  name = 'ComparatorSettings1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { key, value } of COMPARATORS) {
      await queryRunner.query(
        `INSERT INTO settings (org_id, key, value, dollar_year, source)
         SELECT id, $1, $2::jsonb, NULL, $3 FROM organizations
         ON CONFLICT (org_id, key) DO NOTHING`,
        [key, JSON.stringify(value), value.lengthOfStay.source],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM settings WHERE key IN ('comparator.residential', 'comparator.inpatient')`);
  }
}
