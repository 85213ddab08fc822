import { baseDirectory, coding, episodeLink, ext, ourCoding } from './testing/fhir-builders';
import { FhirTestFiles, readAll, reasonsOf, rowsOf } from './testing/fhir-test-files';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function dispense(
  id: string,
  medication: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    resourceType: 'MedicationDispense',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    whenHandedOver: '2026-01-13T09:00:00-06:00',
    daysSupply: { value: 28, unit: 'day' },
    ...medication,
    ...extra,
  };
}

const concept = (value: Record<string, unknown>): Record<string, unknown> => ({ medicationCodeableConcept: value });

function goal(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    resourceType: 'Goal',
    id,
    lifecycleStatus: 'active',
    description: { text: 'never copied' },
    subject: { reference: 'Patient/p1' },
    startDate: '2026-01-06',
    target: [{ dueDate: '2026-02-06' }],
    ...extra,
  };
}

const achievement = (code: string): Record<string, unknown> => ({
  achievementStatus: coding('http://terminology.hl7.org/CodeSystem/goal-achievement', code),
});

function charge(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    resourceType: 'ChargeItem',
    id,
    status: 'billed',
    code: coding('https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'H0015'),
    subject: { reference: 'Patient/p1' },
    context: { reference: 'EpisodeOfCare/e1' },
    occurrenceDateTime: '2026-01-12T09:00:00-06:00',
    ...extra,
  };
}

describe('FHIR MedicationDispense, Goal and ChargeItem', () => {
  let files: FhirTestFiles;
  beforeEach(async () => {
    files = await FhirTestFiles.create();
  });
  afterEach(() => files.cleanup());

  it('maps dispenses by our code, RxNorm ingredient, extended-release naltrexone, words and Medication resources', async () => {
    const dispenses = [
      dispense('md-1', concept(ourCoding('medication', 'methadone')), {
        context: { reference: 'EpisodeOfCare/e1' },
        daysSupply: { value: 1 },
      }),
      dispense('md-2', concept(coding(RXNORM, '1819')), {
        whenHandedOver: undefined,
        whenPrepared: '2026-01-20',
        daysSupply: { value: 7 },
      }),
      dispense('md-3', concept(coding(RXNORM, '7243', 'naltrexone 380 MG extended-release injectable suspension')), {
        context: { reference: 'Encounter/enc-e1' },
      }),
      dispense('md-4', concept(coding(RXNORM, '7243', 'naltrexone hydrochloride 50 MG Oral Tablet'))),
      dispense('md-5', concept({ text: 'Suboxone 8 mg/2 mg sublingual film' })),
      dispense(
        'md-6',
        { medicationReference: { reference: '#med1' } },
        {
          contained: [{ resourceType: 'Medication', id: 'med1', code: coding(RXNORM, '39993', 'acamprosate') }],
        },
      ),
      dispense('md-7', { medicationReference: { reference: 'Medication/med-dis' } }),
      dispense('md-8', concept(coding(RXNORM, '213293', 'Capecitabine 500mg oral tablet (Xeloda)'))),
      dispense('md-9', concept(ourCoding('medication', 'buprenorphine')), {
        whenHandedOver: undefined,
        daysSupply: undefined,
      }),
      dispense('md-10', concept(ourCoding('medication', 'buprenorphine')), { status: 'cancelled' }),
      dispense('md-11', concept({ text: 'Vivitrol' }), {
        subject: { reference: 'Patient/p2' },
        whenHandedOver: '2026-02-14',
      }),
    ];
    const medication = { resourceType: 'Medication', id: 'med-dis', code: { text: 'Antabuse 250 mg tablet' } };
    const encounter = {
      resourceType: 'Encounter',
      id: 'enc-e1',
      status: 'finished',
      appointment: [{ reference: 'Appointment/a-in-db' }],
      episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }],
    };
    const outcome = await readAll([
      await files.bundle('directory.json', [...baseDirectory(), medication, encounter]),
      await files.ndjson('MedicationDispense.ndjson', dispenses),
    ]);
    const row = (
      id: string,
      medicationName: string,
      on = '2026-01-13',
      days = '28',
      episodeId = 'e1',
    ): Record<string, string> => ({
      source_id: id,
      episode_source_id: episodeId,
      medication: medicationName,
      dispensed_on: on,
      days_supply: days,
    });
    expect(rowsOf(outcome, 'medication_dispenses')).toEqual([
      row('md-1', 'methadone', '2026-01-13', '1'),
      row('md-2', 'buprenorphine', '2026-01-20', '7'),
      row('md-3', 'naltrexone_xr'),
      row('md-4', 'naltrexone_oral'),
      row('md-5', 'buprenorphine'),
      row('md-6', 'acamprosate'),
      row('md-7', 'disulfiram'),
      row('md-11', 'naltrexone_xr', '2026-02-14', '28', 'e2'),
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'MedicationDispense/md-9: MedicationDispense.whenHandedOver is missing (or whenPrepared)',
      'MedicationDispense/md-9: MedicationDispense.daysSupply is missing',
      'MedicationDispense/md-9: no episode for this dispense: no episode-of-care extension or link, and no date',
    ]);
    expect(outcome.warnings).toEqual(
      expect.arrayContaining([
        '1 MedicationDispense resource skipped: not buprenorphine, methadone, naltrexone, acamprosate or disulfiram',
        '1 MedicationDispense resource with status cancelled skipped',
      ]),
    );
  });

  it('maps goal statuses from achievementStatus, then lifecycleStatus', async () => {
    const goals = [
      goal('g-1', { ...achievement('achieved'), extension: [episodeLink('e1')] }),
      goal('g-2', { ...achievement('not-achieved'), subject: { reference: 'Patient/p2' }, startDate: '2026-02-03' }),
      goal('g-3', achievement('worsening')),
      goal('g-4', { ...achievement('in-progress'), lifecycleStatus: 'cancelled' }),
      goal('g-5', {}),
      goal('g-6', { target: [] }),
    ];
    const outcome = await readAll([
      await files.bundle('directory.json', baseDirectory()),
      await files.ndjson('Goal.ndjson', goals),
    ]);
    const expected = (
      id: string,
      status: string,
      episodeId = 'e1',
      createdOn = '2026-01-06',
    ): Record<string, string> => ({
      source_id: id,
      episode_source_id: episodeId,
      created_on: createdOn,
      due_on: '2026-02-06',
      status,
    });
    expect(rowsOf(outcome, 'plan_goals')).toEqual([
      expected('g-1', 'met'),
      expected('g-2', 'not_met', 'e2', '2026-02-03'),
      expected('g-3', 'not_met'),
      expected('g-4', 'dropped'),
      expected('g-5', 'in_progress'),
    ]);
    expect(reasonsOf(outcome)).toEqual(['Goal/g-6: Goal.target.dueDate is missing']);
  });

  it('maps charges: priceOverride, else the sum of totalPriceComponent; payer from extension, Account or episode', async () => {
    const charges = [
      charge('ch-1', { priceOverride: { value: 182.5, currency: 'USD' } }),
      charge('ch-2', {
        code: { text: 'H2036' },
        context: undefined,
        subject: { reference: 'Patient/p2' },
        occurrenceDateTime: undefined,
        occurrencePeriod: { start: '2026-02-10', end: '2026-02-10' },
        extension: [ext('payer', { valueCode: 'self_pay' })],
        totalPriceComponent: [
          { type: 'base', amount: { value: 100.1, currency: 'USD' } },
          { type: 'surcharge', amount: { value: 20 } },
          { type: 'discount', amount: { value: 10.05 } },
          { type: 'informational', amount: { value: 999 } },
          { type: 'tax', amount: { value: 0.95 } },
        ],
      }),
      charge('ch-3', {
        context: { reference: 'EpisodeOfCare/e2' },
        account: [{ reference: 'Account/acc-1' }],
        priceOverride: { value: 75 },
      }),
      charge('ch-4', { priceOverride: { value: 10.005 } }),
      charge('ch-5', {}),
      charge('ch-6', { context: { reference: 'EpisodeOfCare/e-unknown' }, priceOverride: { value: 5 } }),
    ];
    const account = { resourceType: 'Account', id: 'acc-1', coverage: [{ coverage: { reference: 'Coverage/cov-1' } }] };
    const coverage = { resourceType: 'Coverage', id: 'cov-1', status: 'active', type: coding('x', 'Medicare') };
    const outcome = await readAll([
      await files.bundle('directory.json', [...baseDirectory(), account, coverage]),
      await files.ndjson('ChargeItem.ndjson', charges),
    ]);
    expect(rowsOf(outcome, 'charges')).toEqual([
      {
        source_id: 'ch-1',
        episode_source_id: 'e1',
        service_date: '2026-01-12',
        code: 'H0015',
        amount: '182.50',
        payer: 'medicaid',
      },
      {
        source_id: 'ch-2',
        episode_source_id: 'e2',
        service_date: '2026-02-10',
        code: 'H2036',
        amount: '111.00',
        payer: 'self_pay',
      },
      {
        source_id: 'ch-3',
        episode_source_id: 'e2',
        service_date: '2026-01-12',
        code: 'H0015',
        amount: '75.00',
        payer: 'medicare',
      },
    ]);
    expect(reasonsOf(outcome)).toEqual([
      'ChargeItem/ch-4: ChargeItem.priceOverride.value is not an amount in dollars and cents',
      'ChargeItem/ch-5: ChargeItem.priceOverride is missing (or totalPriceComponent)',
      'ChargeItem/ch-6: ChargeItem.extension[payer] is missing (no Account with a Coverage either, and EpisodeOfCare/e-unknown is neither in the import nor imported before)',
    ]);
    expect(outcome.rejections[0]).toMatchObject({ field: 'ChargeItem.priceOverride.value', value: '10.005', line: 4 });
  });
});
