import type { ScreenResult } from '@iop/contracts';
import type { SourceRecord } from '../source-record';
import { utcHourOf } from './instants';
import type { ResourceLocation, Tally } from './mapping';

/** The result of the observation itself or of one of its components, with the analyte its code names. */
export interface ScreenOutcome {
  result: ScreenResult;
  analyte: string | undefined;
}

/** One drug-screen Observation, before grouping. */
export interface ScreenPart {
  id: string;
  location: ResourceLocation;
  episodeId: string;
  collectedAt: string;
  collectedMillis: number;
  expected: boolean | undefined;
  outcomes: ScreenOutcome[];
}

/**
 * How many screens stay open for grouping. Observations of one episode in the same UTC hour are one screen when
 * no more than this many other screens started between them in the file: exporters write a patient's results
 * together (Bulk Data $export writes them in the server's order, usually by patient or by time), so memory
 * stays bounded without sorting the file. Two observations of the same hour further apart become two screens.
 */
export const SCREEN_GROUP_WINDOW = 10_000;

/** Drug-screen observations grouped into screens: one episode, one UTC hour. */
export class DrugScreenGroups {
  private readonly open = new Map<string, ScreenPart[]>();

  constructor(private readonly window = SCREEN_GROUP_WINDOW) {}

  /** Adds an observation; returns the screens closed to make room (oldest first). */
  add(part: ScreenPart): ScreenPart[][] {
    const key = `${part.episodeId}\u0000${utcHourOf(part.collectedMillis)}`;
    const group = this.open.get(key);
    if (group) {
      group.push(part);
      return [];
    }
    this.open.set(key, [part]);
    const closed: ScreenPart[][] = [];
    for (const [oldestKey, oldest] of this.open) {
      if (this.open.size <= this.window) break;
      this.open.delete(oldestKey);
      closed.push(oldest);
    }
    return closed;
  }

  /** Every screen still open (at the end of a file). */
  closeAll(): ScreenPart[][] {
    const closed = [...this.open.values()];
    this.open.clear();
    return closed;
  }
}

const RESULT_PRECEDENCE: readonly ScreenResult[] = ['positive', 'negative', 'invalid', 'missing'];

/**
 * One screen from its observations: the source id, line and resource of the first observation by id; collected
 * at the earliest time; positive when any result is, else negative when any is, else invalid, else missing;
 * positive_for = the analytes of the positive results in the order written (`other` when none is named);
 * expected unless every observation says otherwise.
 */
export function screenRecord(parts: readonly ScreenPart[], tally: Tally): SourceRecord {
  const byId = [...parts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const first = byId[0];
  const earliest = byId.reduce((best, part) => (part.collectedMillis < best.collectedMillis ? part : best), first);
  const outcomes = byId.flatMap((part) => part.outcomes);
  const result = RESULT_PRECEDENCE.find((candidate) => outcomes.some((outcome) => outcome.result === candidate));
  let positiveFor: string | undefined;
  if (result === 'positive') {
    // In the order written (observations by id, then components), so that a file read back keeps its order.
    const named = new Set(outcomes.filter((o) => o.result === 'positive' && o.analyte).map((o) => o.analyte as string));
    positiveFor = named.size > 0 ? [...named].join(';') : 'other';
  }
  if (byId.every((part) => part.expected === undefined)) {
    tally.defaulted('drug_screens', 'expected', 'true', 'no screen-expected extension');
  }
  return {
    entity: 'drug_screens',
    file: first.location.file,
    line: first.location.line,
    resourceId: `Observation/${first.id}`,
    values: {
      source_id: first.id,
      episode_source_id: first.episodeId,
      collected_at: earliest.collectedAt,
      expected: String(!byId.every((part) => part.expected === false)),
      result,
      positive_for: positiveFor,
    },
  };
}
