import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportFile } from '../source-record';
import { readAll, type ReadOutcome } from './testing/fhir-test-files';

/**
 * The official FHIR R4 examples (testing/hl7-r4-core, CC0) go through without a crash: each is loaded, rejected
 * with a stated reason, or read past with a warning. What each yields alone is written down here exactly.
 */
const EXAMPLES = path.join(__dirname, 'testing', 'hl7-r4-core');
const example = (name: string): ImportFile => ({ path: path.join(EXAMPLES, name), name });

/** Records as "entity Type/id {values}", rejections as "Type/id: reason", warnings as they are. */
function summary(outcome: ReadOutcome): { records: string[]; rejections: string[]; warnings: string[] } {
  return {
    records: outcome.records.map(
      (record) => `${record.entity} ${record.resourceId ?? '-'} ${JSON.stringify(record.values)}`,
    ),
    rejections: outcome.rejections.map((item) => `${item.resourceId ?? item.file}: ${item.reason}`),
    warnings: outcome.warnings,
  };
}

const NO_EPISODE_BEFORE_2014 = (type: string, id: string, noun: string, date: string): string =>
  `${type}/${id}: no episode for this ${noun}: Patient/example has no episode containing ${date}`;
const NO_PERIOD = (id: string): string[] => [
  `Encounter/${id}: Encounter.period.start is missing`,
  `Encounter/${id}: no episode for this encounter: no episode-of-care extension or link, and no date`,
];

const ALONE: Record<string, ReturnType<typeof summary>> = {
  'Appointment-2docs.json': {
    records: [],
    rejections: [NO_EPISODE_BEFORE_2014('Appointment', '2docs', 'appointment', '2013-12-09')],
    warnings: [],
  },
  'Appointment-example.json': {
    records: [],
    rejections: [NO_EPISODE_BEFORE_2014('Appointment', 'example', 'appointment', '2013-12-10')],
    warnings: [],
  },
  // A searchset of a MedicationRequest (not read) and an uncoded Medication (kept in case a dispense names it).
  'Bundle-bundle-example.json': {
    records: [],
    rejections: [],
    warnings: ['1 MedicationRequest resource skipped (not read by the import)'],
  },
  'Encounter-f201.json': { records: [], rejections: NO_PERIOD('f201'), warnings: [] },
  // Has a length (56 min) but no period: no start for the appointment.
  'Encounter-f202.json': { records: [], rejections: NO_PERIOD('f202'), warnings: [] },
  // Only links Appointment/example to EpisodeOfCare/example.
  'Encounter-f203.json': {
    records: [],
    rejections: [],
    warnings: ['1 Appointment named by an Encounter is not in the import: its link was ignored'],
  },
  'Encounter-home.json': {
    records: [],
    rejections: [NO_EPISODE_BEFORE_2014('Encounter', 'home', 'encounter', '2015-01-17')],
    warnings: [],
  },
  'Encounter-xcda.json': { records: [], rejections: NO_PERIOD('xcda'), warnings: [] },
  // An ongoing episode with no end: fine; but no asam-level type, no program Organization/hl7, no Condition/stroke.
  'EpisodeOfCare-example.json': {
    records: [],
    rejections: [
      'EpisodeOfCare/example: EpisodeOfCare.type is missing (an asam-level coding, or a program Organization/hl7 with a level of care)',
      'EpisodeOfCare/example: EpisodeOfCare.diagnosis.condition names Condition/stroke, which is not in the import',
    ],
    warnings: [],
  },
  // Capecitabine in a contained Medication: not a medication for addiction treatment.
  'MedicationDispense-meddisp008.json': {
    records: [],
    rejections: [],
    warnings: [
      '1 MedicationDispense resource skipped: not buprenorphine, methadone, naltrexone, acamprosate or disulfiram',
    ],
  },
  'Observation-alcohol-type.json': {
    records: [],
    rejections: [],
    warnings: ['1 Observation resource skipped: not a drug screen, assessment or mutual-help count'],
  },
  'Observation-f001.json': {
    records: [],
    rejections: [],
    warnings: ['1 Observation resource skipped: not a drug screen, assessment or mutual-help count'],
  },
  // Birth year only, zip3 from the postcode 3999; no name, telecom, address line or contact.
  'Patient-example.json': {
    records: [
      'patients Patient/example {"source_id":"example","birth_year":"1974","sex":"male","zip3":"399","employment":"other"}',
    ],
    rejections: [],
    warnings: ['patients.employment = other in 1 row (default: no employment extension)'],
  },
};

describe('the official FHIR R4 examples', () => {
  it('are all written down here', () => {
    const names = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'));
    expect(names.sort()).toEqual(Object.keys(ALONE).sort());
  });

  it.each(Object.keys(ALONE))('%s, read alone, yields what is written down', async (name) => {
    const outcome = await readAll([example(name)]);
    expect(summary(outcome)).toEqual(ALONE[name]);
    for (const item of outcome.rejections) expect(item.reason).not.toBe('');
  });

  it('read together, link Appointment/example through Encounter f203 and place Encounter home in the episode', async () => {
    const outcome = await readAll(Object.keys(ALONE).map(example));
    const result = summary(outcome);
    expect(result.records).toEqual([
      'patients Patient/example {"source_id":"example","birth_year":"1974","sex":"male","zip3":"399","employment":"other"}',
      'appointments Appointment/example {"source_id":"example","episode_source_id":"example","session_type":"individual","scheduled_start":"2013-12-10T09:00:00Z","duration_min":"120","modality":"in_person","status":"scheduled","staff_source_id":"example"}',
      'appointments Encounter/home {"source_id":"home","episode_source_id":"example","session_type":"individual","scheduled_start":"2015-01-17T16:00:00+10:00","duration_min":"30","modality":"in_person","status":"attended","staff_source_id":"example"}',
    ]);
    expect(result.rejections).toEqual([
      ...(ALONE['EpisodeOfCare-example.json']?.rejections ?? []),
      NO_EPISODE_BEFORE_2014('Appointment', '2docs', 'appointment', '2013-12-09'),
      ...NO_PERIOD('f201'),
      ...NO_PERIOD('f202'),
      ...NO_PERIOD('xcda'),
    ]);
    expect(result.warnings).toEqual([
      '1 MedicationRequest resource skipped (not read by the import)',
      'patients.employment = other in 1 row (default: no employment extension)',
      'appointments.session_type = individual in 1 row (default: no session-type coding in Appointment.serviceType)',
      'appointments.session_type = individual in 1 row (default: no session-type coding in Encounter.type)',
      '1 MedicationDispense resource skipped: not buprenorphine, methadone, naltrexone, acamprosate or disulfiram',
      '2 Observation resources skipped: not a drug screen, assessment or mutual-help count',
    ]);
  });
});
