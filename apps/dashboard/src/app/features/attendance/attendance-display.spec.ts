import { COMPLIANCE, counselorBreakdown, HEATMAP, HOURS, NO_SHOWS, rate } from './attendance-fixtures.spec-data';
import { isComplianceEmpty, toComplianceDisplay } from './compliance-display';
import { isBreakdownEmpty, toCounselorDisplay } from './counselor-display';
import { contrastRatio, HEAT_SCALE, heatColor, isHeatmapEmpty, toHeatmapDisplay } from './heatmap-display';
import { floorText, isBelowFloor, toHoursDisplay } from './hours-display';
import { toNoShowsDisplay } from './no-shows-display';
import { ciText, rateCells, rateKpi, rateText } from './rate-display';

describe('rate display', () => {
  it('prints a rate, a withheld rate and an undefined one', () => {
    expect(rateText(rate(3, 4))).toBe('75.0%');
    expect(rateText({ suppressed: true, reason: 'fewer than 11' })).toBe('fewer than 11');
    expect(rateText(rate(0, 0))).toBe('—');
    expect(rateText(null)).toBe('—');
    expect(ciText(rate(3, 4, [0.3, 0.95]))).toBe('95% CI 30.0%–95.0%');
  });

  it('puts no number of a withheld rate in the table cells', () => {
    expect(rateCells({ suppressed: true, reason: 'x' })).toEqual(['fewer than 11', null, null]);
    expect(rateCells(rate(1, 4, [0.05, 0.7]))).toEqual([0.25, 0.05, 0.7]);
  });

  it('makes a headline of a rate with its interval and n', () => {
    expect(rateKpi(rate(683, 1500, [0.4303, 0.4806]), 'episodes')).toEqual({
      value: '45.5%',
      details: ['95% CI 43.0%–48.1%', 'n = 1,500 episodes'],
      suppressed: false,
      smallCell: false,
    });
    expect(rateKpi(rate(1, 4, [0.0456, 0.6994]), 'episodes')).toMatchObject({ value: '25.0%', smallCell: true });
    expect(rateKpi({ suppressed: true, reason: 'fewer than 11' }, 'episodes')).toEqual({
      value: 'fewer than 11',
      details: [],
      suppressed: true,
    });
  });
});

describe('toHeatmapDisplay', () => {
  const display = toHeatmapDisplay(HEATMAP);

  it('lays the weekdays out as rows and the parts of the day as columns', () => {
    expect(display.rows.map((row) => row.label)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(display.rows[0].cells.map((cell) => [cell.dayPart, cell.text])).toEqual([
      ['morning', '75.0%'],
      ['afternoon', '76.3%'],
      ['evening', '77.5%'],
    ]);
    expect(display.rows[5].cells[2].text).toBe('fewer than 11');
    expect(display.rows[6].cells[2]).toMatchObject({
      rate: null,
      text: '—',
      description: 'Sunday evening: no appointments',
    });
    expect(display.n).toBe(16_000);
    // Sunday afternoon is the highest drawn cell; Saturday and Sunday evening are withheld or empty.
    expect(display.domain).toEqual([0.75, 730 / 800]);
  });

  it('gives one table row per cell, a withheld cell without numbers', () => {
    expect(display.table.rows).toHaveLength(21);
    expect(display.table.rows[0]).toEqual({
      weekday: 'Monday',
      dayPart: 'Morning',
      rate: 0.75,
      ciLow: 0.73,
      ciHigh: 0.77,
      appointments: 800,
    });
    expect(display.table.rows[17]).toEqual({
      weekday: 'Saturday',
      dayPart: 'Evening',
      rate: 'fewer than 11',
      ciLow: null,
      ciHigh: null,
      appointments: null,
    });
    expect(isHeatmapEmpty(HEATMAP)).toBe(false);
    expect(isHeatmapEmpty({ ...HEATMAP, overall: rate(0, 0) })).toBe(true);
  });

  it('colours on one hue, light to dark, with text that reads at AA on every step', () => {
    expect(heatColor(0.5, [0.5, 0.9]).fill).toBe(HEAT_SCALE[0]);
    expect(heatColor(0.9, [0.5, 0.9]).fill).toBe(HEAT_SCALE[HEAT_SCALE.length - 1]);
    for (const fill of HEAT_SCALE) {
      const rateAt = HEAT_SCALE.indexOf(fill) / (HEAT_SCALE.length - 1);
      const { text } = heatColor(rateAt, [0, 1]);
      expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('toNoShowsDisplay', () => {
  const display = toNoShowsDisplay(NO_SHOWS);

  it('stacks the five status shares of each session type', () => {
    expect(display.chart[0]).toEqual({
      name: 'Group',
      series: [
        { name: 'Attended', value: 0.7 },
        { name: 'No-show', value: 0.12 },
        { name: 'Cancelled by patient', value: 0.08 },
        { name: 'Cancelled by program', value: 0.1 },
        { name: 'Scheduled', value: 0 },
      ],
    });
    expect(display.n).toBe(1500);
  });

  it('lists every session type and the total, with the no-show rate and its interval', () => {
    expect(display.table.rows.map((row) => row['sessionType'])).toEqual(['Group', 'Individual', 'All session types']);
    expect(display.table.rows[0]).toMatchObject({
      appointments: 1000,
      attended: 0.7,
      noShowRate: 120 / 900,
      noShowCiLow: 0.1152,
      noShowCiHigh: 0.1221,
      patientCancellationRate: 80 / 900,
    });
  });
});

describe('toComplianceDisplay', () => {
  const display = toComplianceDisplay(COMPLIANCE);

  it('pairs each component mean with its share meeting 80%', () => {
    expect(display.seriesNames).toEqual(['Mean', 'Share at or above 80.0%']);
    expect(display.chart[1]).toEqual({
      name: 'Screen adherence',
      series: [
        { name: 'Mean', value: 0.7569 },
        { name: 'Share at or above 80.0%', value: 790 / 1500 },
      ],
    });
    expect(display.chart[2].series.map((point) => point.value)).toEqual([0, 0]);
  });

  it('gives the score and the compliant rate as headlines, and the components in the table', () => {
    expect(display.score).toEqual({ value: '75.6%', details: ['n = 1,500 episodes with a score'], suppressed: false });
    expect(display.compliant.value).toBe('45.5%');
    expect(display.n).toBe(1500);
    expect(display.table.rows).toEqual([
      {
        component: 'Session adherence',
        mean: 0.7527,
        meeting: 682 / 1500,
        ciLow: 0.4296,
        ciHigh: 0.4799,
        episodes: 1500,
      },
      {
        component: 'Screen adherence',
        mean: 0.7569,
        meeting: 790 / 1500,
        ciLow: 0.5014,
        ciHigh: 0.5518,
        episodes: 1500,
      },
      { component: 'Goal attainment', mean: null, meeting: 'fewer than 11', ciLow: null, ciHigh: null, episodes: null },
      {
        component: 'Compliance score',
        mean: 0.7559,
        meeting: 683 / 1500,
        ciLow: 0.4303,
        ciHigh: 0.4806,
        episodes: 1500,
      },
    ]);
    expect(isComplianceEmpty(COMPLIANCE)).toBe(false);
    expect(isComplianceEmpty({ ...COMPLIANCE, compliant: rate(0, 0) })).toBe(true);
  });
});

describe('toHoursDisplay', () => {
  const display = toHoursDisplay(HOURS);

  it('highlights the bins wholly below the adult floor', () => {
    expect(isBelowFloor(HOURS.bins[8], 9)).toBe(true);
    expect(isBelowFloor(HOURS.bins[9], 9)).toBe(false);
    expect(isBelowFloor(HOURS.bins[20], 9)).toBe(false);
    expect(display.customColors.filter((color) => color.value === '#d9480f')).toHaveLength(9);
    expect(display.chart[9]).toEqual({ name: '9-10', value: 40 });
  });

  it('gives the share meeting the floor with its interval, and one table row per bin', () => {
    expect(display.meetsIntensity.value).toBe('64.0%');
    expect(display.meetsIntensity.details).toEqual(['95% CI 57.1%–70.5%', 'n = 200 episodes']);
    expect(floorText(display)).toBe('9 hours for adults, 6 for the 12 episodes under 18');
    expect(display.table.rows).toHaveLength(21);
    expect(display.table.rows[9]).toEqual({ hours: '9-10', episodes: 40, share: 0.2, belowAdultFloor: 'No' });
    expect(display.table.rows[0]).toEqual({ hours: '0-1', episodes: 8, share: 0.04, belowAdultFloor: 'Yes' });
  });
});

describe('toCounselorDisplay', () => {
  it('orders counselors by name, never by rate, withheld ones in their place', () => {
    const display = toCounselorDisplay(counselorBreakdown('attendanceRate'), 'Attendance rate');
    expect(display.bars.map((bar) => [bar.label, bar.text])).toEqual([
      ['Avery Ibarra', 'fewer than 11'],
      ['Morgan Walsh', '59.2%'],
      ['Taylor Tanaka', '54.3%'],
    ]);
    expect(display.bars[1].ci).toEqual([0.4957, 0.6837]);
    expect(display.n).toBe(206);
    expect(display.table.columns.map((column) => column.header)).toEqual([
      'Counselor',
      'Attendance rate',
      '95% CI low',
      '95% CI high',
      'n',
    ]);
    expect(display.table.rows[0]).toEqual({
      counselor: 'Counselor Avery Ibarra',
      rate: 'fewer than 11',
      ciLow: null,
      ciHigh: null,
      n: 9,
    });
    expect(isBreakdownEmpty({ ...counselorBreakdown('compliant'), groups: [] })).toBe(true);
  });
});
