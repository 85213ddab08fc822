import type { EpisodeDayFeatures, HistoryRow } from './early-warning-features.query';
import type { RiskFitTask } from './early-warning-fit';
import { fitRisk } from './early-warning-fit';
import { matrixRows } from '@iop/stats';
import { designOf, encodeRow, learnEncoding, predictRisk } from './early-warning-model';
import { trainAndValidate } from './early-warning-training';
import { HistoryTable, rowsOf } from './history-table';
import { bandOf, driversOf, rulesMet, sortRows, listRow } from './early-warning-list';

const base: EpisodeDayFeatures = {
  episodeId: 1,
  day: '2025-03-20',
  weekOfTreatment: 3,
  counted14: 4,
  attended14: 4,
  counted28: 8,
  attended28: 8,
  consecutiveNoShows: 0,
  daysSinceLastAttended: 1,
  flaggedScreens28: 0,
  mat: false,
  ageBand: '35-44',
  sex: 'female',
  substance: 'opioids',
  severity: 2,
  priorEpisodes: 0,
  payer: 'medicaid',
};

const row = (noShows: number, disengaged: boolean, period: HistoryRow['period']): HistoryRow => ({
  ...base,
  consecutiveNoShows: noShows,
  disengaged,
  period,
});

const logistic = (eta: number) => 1 / (1 + Math.exp(-eta));

describe('trainAndValidate', () => {
  it('validates the fit of the rows before the cut-off on the rows after it, as hand-worked', async () => {
    // Every numeric column but the no-shows is constant here and no level reaches 30 rows, so the encoding is
    // the six numeric columns in order. A stub fit returns intercept -2 and 1 per consecutive no-show, so the
    // validation rows' risks are logistic(-2 + no-shows): no-shows 0, 0, 1, 2 with outcomes 0, 1, 0, 1.
    const history = [
      row(0, false, 'before'),
      row(1, true, 'before'),
      row(0, false, 'before'),
      row(2, false, 'gap'),
      row(0, false, 'after'),
      row(0, true, 'after'),
      row(1, false, 'after'),
      row(2, true, 'after'),
    ];
    const tasks: RiskFitTask[] = [];
    const trained = await trainAndValidate(HistoryTable.of(history), '2025-01-01', (task) => {
      tasks.push(task);
      return Promise.resolve({ status: 'fitted', coefficients: [-2, 0, 0, 1, 0, 0, 0] });
    });
    expect(tasks.map((task) => task.design.rows).sort()).toEqual([3, 8]);
    const [p0, p1, p2] = [logistic(-2), logistic(-1), logistic(0)];
    const validation = trained.validation;
    expect(validation).toMatchObject({
      cutOff: '2025-01-01',
      trainingRows: 3,
      trainingEvents: 1,
      validationRows: 4,
      validationEvents: 2,
    });
    // Events score p0 and p2, non-events p0 and p1: pairs (p0, p0) tie 1/2, (p0, p1) 0, (p2, p0) 1, (p2, p1) 1.
    expect(validation?.cStatistic.estimate).toBeCloseTo(2.5 / 4, 12);
    expect(validation?.brier).toBeCloseTo((p0 ** 2 + (1 - p0) ** 2 + p1 ** 2 + (1 - p2) ** 2) / 4, 12);
    // The training rate 1/3 predicted for every validation row: (2 (1/3)^2 + 2 (2/3)^2) / 4.
    expect(validation?.brierOfBaseRate).toBeCloseTo((2 / 9 + 8 / 9) / 4, 12);
    expect(validation?.calibration.map((group) => group.n)).toEqual([1, 1, 1, 1]);
    expect(trained.summary).toMatchObject({ trainingRows: 8, trainingEvents: 3, baseRate: 3 / 8 });
  });

  it('has no model and says why when the history cannot support one', async () => {
    const history = [row(0, false, 'before'), row(1, false, 'after')];
    const trained = await trainAndValidate(HistoryTable.of(history), '2025-01-01', (task) =>
      Promise.resolve(fitRisk(task)),
    );
    expect(trained.model).toBeNull();
    expect(trained.validation).toBeNull();
    expect(trained.modelUnavailable).toBe('too few weekly rows for the model');
  });
});

describe('the design', () => {
  it("holds each row's encoded values by their non-zero entries, reference levels and zeros left out", () => {
    const rows = [
      base,
      { ...base, consecutiveNoShows: 2, attended14: 0, payer: 'commercial', sex: 'male' },
      { ...base, counted14: 0, attended14: 0, mat: true, severity: 3 },
      { ...base, priorEpisodes: 4, ageBand: '18-24' },
    ];
    const encoding = learnEncoding(rowsOf(rows));
    const design = designOf(encoding, rowsOf(rows));
    expect(matrixRows(design)).toEqual(rows.map((row) => encodeRow(encoding, row)));
    // The first row is at every reference level and has no no-shows or flagged screens: its zeros are not stored.
    const stored = design.rowStarts[1] - design.rowStarts[0];
    expect(stored).toBe(encodeRow(encoding, base).filter((value) => value !== 0).length);
    expect(stored).toBeLessThan(encoding.columns.length);
  });
});

describe('the list', () => {
  const encoding = learnEncoding(rowsOf([base, { ...base, consecutiveNoShows: 2 }]));
  const model = { encoding, coefficients: [-2, 0, 0, 1, 0.1, 0, 0] };

  it('applies the plain rules: 2+ consecutive no-shows, no attended session in 10 days', () => {
    expect(rulesMet(base)).toEqual([]);
    expect(rulesMet({ ...base, consecutiveNoShows: 2, daysSinceLastAttended: 10 })).toEqual([
      'consecutiveNoShows',
      'noAttendanceIn10Days',
    ]);
    expect(rulesMet({ ...base, consecutiveNoShows: 1, daysSinceLastAttended: 9 })).toEqual([]);
  });

  it('bands a risk against the base rate', () => {
    expect([bandOf(0.2, 0.1), bandOf(0.1, 0.1), bandOf(0.099, 0.1)]).toEqual(['high', 'elevated', 'low']);
  });

  it('names the features pushing the risk up: coefficient x (value - training mean)', () => {
    // Means: no-shows 1, days since attended 1. Row: 3 no-shows (+2 x 1), 11 days (+10 x 0.1).
    const drivers = driversOf(model, { ...base, consecutiveNoShows: 3, daysSinceLastAttended: 11 });
    expect(drivers.map(({ feature, value, logOdds }) => [feature, value, logOdds])).toEqual([
      ['consecutiveNoShows', '3', 2],
      ['daysSinceLastAttended', '11', expect.closeTo(1, 12)],
    ]);
    // Below the mean pulls the risk down and is never named.
    expect(driversOf(model, base)).toEqual([]);
    expect(predictRisk(model, base)).toBeCloseTo(logistic(-2 + 0.1), 12);
  });

  it('sorts by risk (highest first), week, program or counselor, ties by episode id', () => {
    const episode = (id: number, counselorName: string | null) => ({
      episodeId: id,
      patientKey: `K${id}`,
      programId: 1,
      programName: 'P',
      counselorId: counselorName ? id : null,
      counselorName,
    });
    const scoring = { model, baseRate: 0.1 };
    const rows = [
      listRow(episode(1, 'Bea'), { ...base, weekOfTreatment: 5 }, scoring),
      listRow(episode(2, null), { ...base, consecutiveNoShows: 4 }, scoring),
      listRow(episode(3, 'Ann'), { ...base, consecutiveNoShows: 2, weekOfTreatment: 1 }, scoring),
    ];
    expect(sortRows(rows).map((r) => r.episodeId)).toEqual([2, 3, 1]);
    expect(sortRows(rows, 'risk', 'asc').map((r) => r.episodeId)).toEqual([1, 3, 2]);
    expect(sortRows(rows, 'weekOfTreatment').map((r) => r.episodeId)).toEqual([3, 2, 1]);
    expect(sortRows(rows, 'counselor').map((r) => r.episodeId)).toEqual([3, 1, 2]);
    // Under the rules there is no risk: flagged rows first.
    const byRules = [
      listRow(episode(1, 'Bea'), base, null),
      listRow(episode(2, null), { ...base, consecutiveNoShows: 2 }, null),
    ];
    expect(sortRows(byRules).map((r) => [r.episodeId, r.band, r.risk])).toEqual([
      [2, 'flagged', null],
      [1, 'none', null],
    ]);
  });
});
