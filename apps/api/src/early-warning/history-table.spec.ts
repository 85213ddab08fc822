import type { HistoryRow } from './early-warning-features.query';
import { HistoryTable } from './history-table';

const row = (episodeId: number, overrides: Partial<HistoryRow>): HistoryRow => ({
  episodeId,
  day: '2025-03-01',
  weekOfTreatment: 1,
  counted14: 3,
  attended14: 2,
  counted28: 6,
  attended28: 5,
  consecutiveNoShows: 1,
  daysSinceLastAttended: 4,
  flaggedScreens28: 0,
  mat: false,
  ageBand: '26-34',
  sex: 'male',
  substance: 'alcohol',
  severity: 3,
  priorEpisodes: 1,
  payer: 'medicaid',
  disengaged: false,
  period: 'before',
  ...overrides,
});

describe('HistoryTable', () => {
  const rows = [
    row(1, {}),
    row(1, { day: '2025-03-08', weekOfTreatment: 2, consecutiveNoShows: 3, disengaged: true, period: 'gap' }),
    row(2, { mat: true, sex: 'female', payer: 'commercial', daysSinceLastAttended: 28, period: 'after' }),
    row(3, { ageBand: '65+', substance: 'opioids', severity: 5, priorEpisodes: 4, disengaged: true, period: 'after' }),
    row(4, { flaggedScreens28: 2, attended14: 0, counted14: 0 }),
  ];
  const table = HistoryTable.of(rows);

  it('gives back every row as it was added, in order', () => {
    expect(table).toHaveLength(5);
    expect(Array.from({ length: table.length }, (_, i) => table.at(i))).toEqual(rows);
  });

  it('views the rows of one period in order, with their outcomes and events', () => {
    const after = table.subset('after');
    expect(after).toHaveLength(2);
    expect([after.at(0).episodeId, after.at(1).episodeId]).toEqual([2, 3]);
    expect(Array.from(after.outcomes())).toEqual([0, 1]);
    expect(after.events()).toBe(1);
    const before = table.subset('before');
    expect([before.at(0).episodeId, before.at(1).episodeId]).toEqual([1, 4]);
    expect(before.events()).toBe(0);
    expect(table.subset('gap').at(0)).toEqual(rows[1]);
    expect(Array.from(table.all().outcomes())).toEqual([0, 1, 0, 1, 0]);
  });

  it('holds more rows than its first column allocation', () => {
    const many = HistoryTable.of(Array.from({ length: 3000 }, (_, i) => row(i + 1, { counted28: i % 29 })));
    expect(many).toHaveLength(3000);
    expect(many.at(2999)).toEqual(row(3000, { counted28: 2999 % 29 }));
    expect(many.all().events()).toBe(0);
  });
});
