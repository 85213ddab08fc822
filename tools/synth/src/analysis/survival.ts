/**
 * Survival helpers for checking the generator: person-time split into pieces for piecewise exponential
 * (Poisson) models of hazard ratios, and the Kaplan-Meier median.
 */

export interface SurvivalSubject<T> {
  item: T;
  /** Time at risk starts (days since admission). */
  entry: number;
  /** Time at risk ends: the length of stay. */
  exit: number;
  event: boolean;
}

export interface PieceRecord<T> {
  item: T;
  /** Index of the piece in `cuts`. */
  piece: number;
  /** Start of the piece (days), for time-varying terms. */
  from: number;
  exposure: number;
  event: number;
}

/** Splits each subject's time at risk at the cuts (e.g. [0, 7, 28, 42]): one record per piece entered. */
export function splitAtCuts<T>(
  subjects: ReadonlyArray<SurvivalSubject<T>>,
  cuts: readonly number[],
): Array<PieceRecord<T>> {
  const records: Array<PieceRecord<T>> = [];
  for (const subject of subjects) {
    for (let piece = 0; piece < cuts.length; piece++) {
      const from = Math.max(cuts[piece], subject.entry);
      const to = Math.min(piece + 1 < cuts.length ? cuts[piece + 1] : Infinity, subject.exit);
      if (to <= from) continue;
      const endsHere = subject.exit <= to;
      records.push({
        item: subject.item,
        piece,
        from: cuts[piece],
        exposure: to - from,
        event: endsHere && subject.event ? 1 : 0,
      });
    }
  }
  return records;
}

/** Kaplan-Meier median of time to event (the first time the survival falls to 0.5 or below), or null. */
export function kaplanMeierMedian(subjects: ReadonlyArray<{ time: number; event: boolean }>): number | null {
  const sorted = [...subjects].sort((a, b) => a.time - b.time);
  let atRisk = sorted.length;
  let survival = 1;
  let index = 0;
  while (index < sorted.length) {
    const time = sorted[index].time;
    let events = 0;
    let leaving = 0;
    while (index < sorted.length && sorted[index].time === time) {
      if (sorted[index].event) events++;
      leaving++;
      index++;
    }
    if (events > 0) survival *= 1 - events / atRisk;
    atRisk -= leaving;
    if (survival <= 0.5) return time;
  }
  return null;
}
