import { WEEKDAYS } from '@iop/contracts';

/**
 * Answers compared across engines: rows of plain values, numbers as numbers (node-postgres hands over int8 and
 * numeric as text, DuckDB's JSON rows big integers as text too), rows sorted, so that the same answer is the
 * same JSON whichever engine gave it.
 */
export function canonicalRows(rows: readonly (readonly unknown[])[]): string {
  const plain = rows.map((row) =>
    row.map((value) => {
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
      return value;
    }),
  );
  return JSON.stringify(plain.map((row) => JSON.stringify(row)).sort());
}

interface Rate {
  numerator: number;
  denominator: number;
}

/** The rate's numerator and denominator; a suppressed cell (never for an admin or a director) throws. */
function rate(value: unknown): Rate {
  if (typeof value !== 'object' || value === null || !('numerator' in value) || !('denominator' in value)) {
    throw new Error(`not a rate: ${JSON.stringify(value)}`);
  }
  return value as Rate;
}

const yearMonth = (period: string) => Number(period.replace('-', ''));

interface SummaryAnswer {
  episodes: number;
  completionRate: unknown;
  attendanceRate: unknown;
}
interface PointsAnswer<P> {
  points: P[];
}
interface GroupsAnswer {
  groups: Array<{ key: string; value: unknown; n: number }>;
}
interface HeatmapAnswer {
  cells: Array<{ weekday: (typeof WEEKDAYS)[number]; dayPart: string; attendanceRate: unknown }>;
}
interface DischargeReasonsAnswer {
  discharged: number;
  active: number;
  reasons: Array<{ code: number; share: unknown }>;
}

/**
 * The API's answer in the plain SQL's rows (compare-questions.ts, column for column), for the questions whose
 * answer holds the SQL's counts. Months, cells and reasons the API fills in with nothing in them are left out:
 * the SQL has no row for them.
 */
const API_AS_ROWS: Record<string, (body: unknown) => unknown[][]> = {
  'metrics/summary': (body) => {
    const answer = body as SummaryAnswer;
    const completion = rate(answer.completionRate);
    const attendance = rate(answer.attendanceRate);
    return [
      [answer.episodes, completion.denominator, completion.numerator, attendance.numerator, attendance.denominator],
    ];
  },
  'metrics/trend attendance by month': (body) =>
    (body as PointsAnswer<{ period: string; value: unknown; n: number }>).points
      .filter((point) => point.n > 0)
      .map((point) => [yearMonth(point.period), rate(point.value).numerator, rate(point.value).denominator]),
  'metrics/breakdown completion by program': (body) =>
    (body as GroupsAnswer).groups.map((group) => [
      Number(group.key),
      rate(group.value).numerator,
      rate(group.value).denominator,
      group.n,
    ]),
  'metrics/breakdown attendance by slot': (body) =>
    (body as GroupsAnswer).groups.map((group) => [
      group.key,
      rate(group.value).numerator,
      rate(group.value).denominator,
    ]),
  'metrics/flow': (body) =>
    (body as PointsAnswer<{ period: string; admissions: number; discharges: number }>).points
      .filter((point) => point.admissions > 0 || point.discharges > 0)
      .map((point) => [yearMonth(point.period), point.admissions, point.discharges]),
  'metrics/discharge-reasons': (body) => {
    const answer = body as DischargeReasonsAnswer;
    const reasons = answer.reasons
      .filter((reason) => rate(reason.share).numerator > 0)
      .map((reason) => [reason.code, rate(reason.share).numerator]);
    return answer.active > 0 ? [[0, answer.active], ...reasons] : reasons;
  },
  'attendance/heatmap': (body) =>
    (body as HeatmapAnswer).cells
      .filter((cell) => rate(cell.attendanceRate).denominator > 0)
      .map((cell) => [
        WEEKDAYS.indexOf(cell.weekday) + 1,
        cell.dayPart,
        rate(cell.attendanceRate).numerator,
        rate(cell.attendanceRate).denominator,
      ]),
};

/** Whether the API's answer to the question can be checked against the plain SQL's rows. */
export const apiAnswerCheckable = (question: string): boolean => question in API_AS_ROWS;

/** The API's answer as the SQL's canonical rows. */
export function apiAnswerRows(question: string, body: unknown): string {
  const asRows = API_AS_ROWS[question];
  if (!asRows) throw new Error(`no check of the API's answer to ${question}`);
  return canonicalRows(asRows(body));
}

/** A disagreement between two engines' answers to one question. */
export interface Mismatch {
  question: string;
  who: string;
  between: string;
  left: string;
  right: string;
}

/** The mismatch, shortened for the console, or null when both answers are the same. */
export function compareAnswers(base: Omit<Mismatch, 'left' | 'right'>, left: string, right: string): Mismatch | null {
  if (left === right) return null;
  const cut = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}...` : text);
  return { ...base, left: cut(left), right: cut(right) };
}
