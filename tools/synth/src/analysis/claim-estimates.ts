import { differenceInCalendarDays, parseISO } from 'date-fns';
import { boardCovariates, buildDesign, categorical, numeric, type Term } from './design';
import { compliance, individualPerWeek28, scheduledHoursPerWeek28, type EpisodeFacts } from './episode-facts';
import { leastSquares, poissonRegression, type Fit } from './regression';
import { splitAtCuts, type PieceRecord } from './survival';

/** An estimate with its 95% interval, on the scale of the planted value (a hazard ratio, not its log). */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
  n: number;
}

export const LANDMARK = 28;
const PIECES = [0, 7, 28, 42];

export const isDisengagement = (fact: EpisodeFacts): boolean => fact.reason === 2 || fact.reason === 3;
export const inLandmarkPopulation = (fact: EpisodeFacts): boolean => fact.los > LANDMARK;
export const groupsAttendedPerWeek28 = (fact: EpisodeFacts): number => fact.groupsAttended28 / 4;
export const onMatWithOud = (fact: EpisodeFacts): boolean => fact.oud && fact.mat;
export const adjustedByBoard = boardCovariates<EpisodeFacts>((fact) => fact);

export function linearEstimate(fit: Fit, name: string, n: number): Estimate {
  const { estimate, low, high } = fit.coefficient(name);
  return { estimate, low, high, n };
}

export function ratioEstimate(fit: Fit, name: string, n: number): Estimate {
  const { estimate, low, high } = fit.coefficient(name);
  return { estimate: Math.exp(estimate), low: Math.exp(low), high: Math.exp(high), n };
}

/** Least-squares slope of `outcome` on `exposure` with the given adjustment, over the facts where both are defined. */
export function adjustedSlope(
  facts: readonly EpisodeFacts[],
  exposure: (fact: EpisodeFacts) => number | null,
  outcome: (fact: EpisodeFacts) => number | null,
  adjustment: ReadonlyArray<Term<EpisodeFacts>> = adjustedByBoard,
): Estimate {
  const usable = facts.filter((fact) => exposure(fact) !== null && outcome(fact) !== null);
  const design = buildDesign(usable, [numeric('exposure', (fact) => exposure(fact) as number), ...adjustment]);
  const fit = leastSquares(
    design,
    usable.map((fact) => outcome(fact) as number),
  );
  return linearEstimate(fit, 'exposure', usable.length);
}

/**
 * The structural model of disengagement (the generator's own): piecewise exponential hazards with
 * severity, MAT (OUD), level of care, the non-planted covariates, and from day 28 the landmark exposures.
 * Records after day 28 of episodes whose alliance was not measured are left out (missing at random).
 */
export function structuralHazards(facts: readonly EpisodeFacts[]): Fit {
  const subjects = facts.map((fact) => ({ item: fact, entry: 0, exit: fact.los, event: isDisengagement(fact) }));
  const records = splitAtCuts(subjects, PIECES).filter(
    (record) => record.from < LANDMARK || record.item.alliance !== null,
  );
  const after = (record: PieceRecord<EpisodeFacts>): number => (record.from >= LANDMARK ? 1 : 0);
  const design = buildDesign(records, [
    categorical('piece', (record) => String(record.piece)),
    numeric('severity', (record) => record.item.severity - 2),
    numeric('mat', (record) => (onMatWithOud(record.item) ? 1 : 0)),
    numeric('iop', (record) => (record.item.levelOfCare === '2.1' ? 1 : 0)),
    numeric('adolescent', (record) => (record.item.age < 18 ? 1 : 0)),
    numeric('selfPay', (record) => (record.item.payer === 'self_pay' ? 1 : 0)),
    numeric('alliancePer5', (record) => after(record) * (((record.item.alliance ?? 42) - 42) / 5)),
    numeric('groupsPerWeek', (record) => after(record) * (groupsAttendedPerWeek28(record.item) - 2)),
    numeric('family', (record) => after(record) * (record.item.familyAttended28 ? 1 : 0)),
  ]);
  return poissonRegression(
    design,
    records.map((record) => record.event),
    records.map((record) => record.exposure),
  );
}

/** Hazard ratio of disengagement for a numeric exposure from `entry` on, adjusted for the board covariates unless asked not to be. */
export function boardHazardRatio(
  facts: readonly EpisodeFacts[],
  exposure: (fact: EpisodeFacts) => number,
  entry: number,
  cuts: readonly number[],
  adjusted = true,
): Estimate {
  const subjects = facts.map((fact) => ({ item: fact, entry, exit: fact.los, event: isDisengagement(fact) }));
  const records = splitAtCuts(subjects, cuts);
  const design = buildDesign(records, [
    categorical('piece', (record) => String(record.piece)),
    numeric('exposure', (record) => exposure(record.item)),
    ...(adjusted ? boardCovariates<PieceRecord<EpisodeFacts>>((record) => record.item) : []),
  ]);
  const fit = poissonRegression(
    design,
    records.map((record) => record.event),
    records.map((record) => record.exposure),
  );
  return ratioEstimate(fit, 'exposure', facts.length);
}

/** Weekly pieces for a hazard ratio that approximates a Cox model's. */
export function weeklyCuts(from: number, to: number): number[] {
  const cuts: number[] = [];
  for (let day = from; day < to; day += 7) cuts.push(day);
  return cuts;
}

/** Episodes admitted at least `days` before the as-of date (eligible for retention at `days`). */
export function eligibleFor(days: number, asOf: string): (fact: EpisodeFacts) => boolean {
  const end = parseISO(asOf);
  return (fact) => differenceInCalendarDays(end, parseISO(fact.admitDate)) >= days;
}

export function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Difference of two proportions with a Wald interval. */
export function riskDifference(a: boolean[], b: boolean[]): Estimate {
  const pa = mean(a.map(Number));
  const pb = mean(b.map(Number));
  const se = Math.sqrt((pa * (1 - pa)) / a.length + (pb * (1 - pb)) / b.length);
  return { estimate: pa - pb, low: pa - pb - 1.96 * se, high: pa - pb + 1.96 * se, n: a.length + b.length };
}

export const complianceScore = (fact: EpisodeFacts): number | null => compliance(fact).score;
export const attendanceRate = (fact: EpisodeFacts): number | null => compliance(fact).attendance;
export { individualPerWeek28, scheduledHoursPerWeek28 };
