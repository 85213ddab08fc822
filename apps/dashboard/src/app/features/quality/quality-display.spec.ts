import { SMALL_CELL_NOTE } from '@iop/contracts';
import {
  IET_INITIATION_DETAIL,
  PAYER_IET_INITIATION_DETAIL,
  PAYER_QUALITY_MEASURES,
  QUALITY_MEASURES,
} from './quality-fixture';
import { IET_INITIATION_NUMERATOR, PDC_DENOMINATOR } from './quality-fixture';
import { patientColumns, patientCountText } from './patient-display';
import {
  describeGroups,
  isQualityMeasureId,
  shortProgramLabel,
  toGroupBars,
  toGroupTable,
  toMeasureCard,
} from './quality-display';
import { formatMonth } from '../../ui/formats/number-format';
import { formatCell } from '../../ui/charts/frame-table';
import type { FrameTable } from '../../ui/charts/frame-table';

const measure = (id: string, response = QUALITY_MEASURES) => {
  const found = response.measures.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return found;
};

/** The table as the frame prints it. */
const printed = (table: FrameTable) =>
  table.rows.map((row) => table.columns.map((column) => formatCell(row[column.key], column.format)));

describe('toMeasureCard', () => {
  it('prints an exact rate with its interval, counts and exclusions, marking a small exclusion count', () => {
    expect(toMeasureCard(measure('iet-initiation'))).toEqual({
      id: 'iet-initiation',
      name: 'IET initiation',
      definition: 'Episodes of patients aged 13 or more whose first attended service falls within 13 days of referral',
      value: '77.7%',
      interval: '95% CI 74.0%–81.1%',
      counts: '412 of 530 episodes in the numerator',
      suppressed: false,
      suppressionReason: '',
      smallCell: false,
      exclusions: [
        { reason: 'no referral date', count: '37', small: false },
        { reason: "referred fewer than 14 days before the data's end", count: '6', small: true },
        { reason: 'under 13 at admission', count: '12', small: false },
      ],
    });
  });

  it('marks an exact rate resting on fewer than 11 episodes', () => {
    const card = toMeasureCard(measure('pod'));
    expect([card.value, card.interval, card.counts, card.smallCell]).toEqual([
      '36.8%',
      '95% CI 19.2%–59.0%',
      '7 of 19 episodes in the numerator',
      true,
    ]);
  });

  it('marks a rate whose episodes outside the numerator are few (80 of 88), not one with 28 (60 of 88)', () => {
    expect(toMeasureCard(measure('fui-30')).smallCell).toBe(false);
    expect(
      toMeasureCard({
        ...measure('fui-30'),
        rate: { numerator: 80, denominator: 88, rate: 80 / 88, ci95: [0.83, 0.95] },
      }).smallCell,
    ).toBe(true);
  });

  it('prints a dash and says why when the denominator is empty', () => {
    const card = toMeasureCard(measure('fui-7'));
    expect([card.value, card.interval, card.counts, card.smallCell]).toEqual([
      '—',
      '',
      'No episode in the denominator',
      false,
    ]);
  });

  it('prints "fewer than 11" for a withheld rate and count, with no number and no mark', () => {
    const card = toMeasureCard(measure('pod', PAYER_QUALITY_MEASURES));
    expect(card).toMatchObject({
      value: 'fewer than 11',
      interval: '',
      counts: 'Numerator and denominator withheld',
      suppressed: true,
      suppressionReason: 'fewer than 11 episodes',
      smallCell: false,
      exclusions: [{ reason: 'under 16 at admission', count: 'fewer than 11', small: false }],
    });
  });

  it('keeps the reason out when it only repeats the value', () => {
    const card = toMeasureCard({ ...measure('pod'), rate: { suppressed: true, reason: 'Fewer than 11' } });
    expect(card.suppressionReason).toBe('');
  });
});

describe('group bars and tables', () => {
  it('prints the trend by month with the small month marked and the empty month as dashes', () => {
    const table = toGroupTable(IET_INITIATION_DETAIL.trend, 'Month of admission', (group) => formatMonth(group.key));
    expect(table.columns.map((column) => column.header)).toEqual([
      'Month of admission',
      'Rate',
      '95% CI low',
      '95% CI high',
      'Numerator',
      'Denominator',
      'Note',
    ]);
    expect(printed(table)).toEqual([
      ['Jan 2025', '68.2%', '53.4%', '80.0%', '30', '44', '—'],
      ['Feb 2025', '—', '—', '—', '0', '0', '—'],
      ['Mar 2025', '44.4%', '18.9%', '73.3%', '4', '9', `small n: ${SMALL_CELL_NOTE}`],
    ]);
  });

  it('gives a withheld group no number at all, only its reason', () => {
    const table = toGroupTable(PAYER_IET_INITIATION_DETAIL.trend, 'Month of admission', (group) =>
      formatMonth(group.key),
    );
    expect(table.rows[2]).toEqual({
      group: 'Mar 2025',
      rate: 'fewer than 11',
      ciLow: null,
      ciHigh: null,
      numerator: null,
      denominator: null,
      note: 'fewer than 11 episodes',
    });
  });

  it('draws a bar with its whisker per group, and labels a small group', () => {
    expect(toGroupBars(IET_INITIATION_DETAIL.byPayer)).toEqual([
      { key: 'commercial', label: 'Commercial (small n)', value: 0.6, ci: [0.3866, 0.7812], text: '60.0%' },
      { key: 'medicaid', label: 'Medicaid', value: 0.7, ci: [0.5625, 0.809], text: '70.0%' },
    ]);
    expect(toGroupBars(PAYER_IET_INITIATION_DETAIL.trend, (group) => formatMonth(group.key))[2]).toEqual({
      key: '2025-03',
      label: 'Mar 2025',
      value: null,
      ci: null,
      text: 'fewer than 11',
    });
  });

  it('describes the chart by how many groups it can draw', () => {
    expect(describeGroups('IET initiation, by month of admission', IET_INITIATION_DETAIL.trend)).toBe(
      'IET initiation, by month of admission: 2 of 3 groups have a rate to draw. The table view lists every value.',
    );
  });

  it('shortens a program name for a bar label', () => {
    expect(
      toGroupBars(
        [
          {
            key: '3',
            label: 'Riverside Intensive Outpatient Program',
            rate: { numerator: 30, denominator: 44, rate: 30 / 44, ci95: [0.5344, 0.8] },
          },
        ],
        shortProgramLabel,
      )[0].label,
    ).toBe('Riverside IOP');
    expect(
      shortProgramLabel({ key: '4', label: 'Lakeside Outpatient Clinic', rate: { suppressed: true, reason: 'x' } }),
    ).toBe('Lakeside Outpatient Clinic');
  });

  it('knows the measure ids', () => {
    expect([isQualityMeasureId('pod'), isQualityMeasureId('hedis'), isQualityMeasureId(null)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('patient list', () => {
  it('heads the dates with the measure’s own words and prints each row', () => {
    const columns = patientColumns(IET_INITIATION_NUMERATOR);
    expect(columns.map((column) => column.header)).toEqual([
      'Patient key',
      'Episode',
      'Admitted',
      'Referral date',
      'First attended service on or after the referral date',
      'Days from referral to that service',
    ]);
    expect(columns.map((column) => column.cell(IET_INITIATION_NUMERATOR.rows[1]))).toEqual([
      'SYN0000456',
      '502',
      'Mar 17, 2025',
      'Mar 3, 2025',
      'Mar 16, 2025',
      '13',
    ]);
    expect(patientCountText(IET_INITIATION_NUMERATOR)).toBe('2 episodes in the numerator');
  });

  it('adds the proportion of days covered for PDC and, over the denominator, whether each is in the numerator', () => {
    const columns = patientColumns(PDC_DENOMINATOR);
    expect(columns.map((column) => column.key)).toEqual([
      'patientKey',
      'episodeId',
      'admitDate',
      'startDate',
      'eventDate',
      'days',
      'proportion',
      'inNumerator',
    ]);
    expect(PDC_DENOMINATOR.rows.map((row) => columns.map((column) => column.cell(row)))).toEqual([
      ['SYN0000789', '610', 'Feb 3, 2025', 'Feb 10, 2025', 'May 10, 2025', '72', '80.0%', 'Yes'],
      ['SYN0000790', '611', 'Feb 4, 2025', '—', '—', '—', '—', 'No'],
    ]);
    expect(patientCountText({ ...PDC_DENOMINATOR, rows: PDC_DENOMINATOR.rows.slice(0, 1) })).toBe(
      '1 episode in the denominator',
    );
  });
});
