import type { LevelOfCare, Payer, Substance } from './domain';
import type { AgeBand } from './filters';

/** Display labels of the coded filter values, shared by the API's options and the dashboard's chips. */
export const LEVEL_OF_CARE_LABELS: Readonly<Record<LevelOfCare, string>> = {
  '1': 'Level 1 (outpatient)',
  '2.1': 'Level 2.1 (intensive outpatient)',
  '2.5': 'Level 2.5 (partial hospitalization)',
  '3.5': 'Level 3.5 (residential)',
  '3.7': 'Level 3.7 (medically monitored inpatient)',
  '4': 'Level 4 (medically managed inpatient)',
};

export const PAYER_LABELS: Readonly<Record<Payer, string>> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  commercial: 'Commercial',
  self_pay: 'Self-pay',
  other: 'Other',
};

export const SUBSTANCE_LABELS: Readonly<Record<Substance, string>> = {
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  stimulants: 'Stimulants',
  cannabis: 'Cannabis',
  other: 'Other',
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  '13-17': '13–17',
  '18-25': '18–25',
  '26-34': '26–34',
  '35-44': '35–44',
  '45-54': '45–54',
  '55-64': '55–64',
  '65+': '65 and over',
};

/** A coded filter value and how to show it. */
export interface FilterChoice<Key extends string> {
  key: Key;
  label: string;
}

export interface ProgramOption {
  id: number;
  name: string;
}

export interface CounselorOption {
  id: number;
  /** The staff display name, as the breakdown by counselor labels it. */
  name: string;
  programId: number;
}

/**
 * GET /api/v1/filters/options: the values each filter can take, i.e. those that occur among the episodes the
 * caller may see (a choice that selects nothing is not offered), in vocabulary order for coded values and by
 * name for programs and counselors.
 */
export interface FilterOptionsResponse {
  programs: ProgramOption[];
  /** Staff who are the primary counselor of at least one episode. */
  counselors: CounselorOption[];
  levelsOfCare: FilterChoice<LevelOfCare>[];
  payers: FilterChoice<Payer>[];
  substances: FilterChoice<Substance>[];
  ageBands: FilterChoice<AgeBand>[];
  /** First and last admit date (ISO dates) of those episodes; both null before any data is loaded. */
  admitDateRange: { from: string | null; to: string | null };
}
