import {
  type EpisodeFilters,
  PAYER_LABELS,
  type Payer,
  type QualityMeasureDetailResponse,
  type QualityMeasureGroup,
  type QualityMeasureResult,
  type QualityMeasuresResponse,
  type QualityPatientsResponse,
  type QualityPopulation,
} from '@iop/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { ResultCache } from '../common/result-cache';
import { AsOfQuery } from '../episodes/as-of.query';
import { fillMonths } from '../episodes/month-series';
import { toRate } from '../episodes/rate';
import { perturbedCount } from '../suppression/cell-key';
import { forScope } from '../suppression/shared-partitions';
import { type QualityCase, QualityCasesQuery } from './quality-cases.query';
import { type QualityMeasureSplits, withFunnel } from './quality-funnel';
import { type MeasureDefinition, type MeasureOutcome, QUALITY_MEASURES } from './quality-measures';
import { suppressQualityDetail, suppressQualityMeasures } from './quality-suppression';

export type Evaluated = { episode: QualityCase; outcome: MeasureOutcome };
/** An evaluated episode of a patient list, with its patient's pseudonymous key. */
export type ListedCase = Evaluated & { patientKey: string };

/** The quality measures over the selected episodes; payers see them through small-cell suppression. */
@Injectable()
export class QualityService {
  constructor(
    private readonly casesQuery: QualityCasesQuery,
    private readonly asOfQuery: AsOfQuery,
    private readonly audit: AuditService,
    private readonly cache: ResultCache,
  ) {}

  measures(scope: AccessScope, filters: EpisodeFilters): Promise<QualityMeasuresResponse> {
    return this.cache.get(scope, filters, 'quality measures', async () => {
      const [cases, asOf] = await Promise.all([this.casesQuery.run(scope, filters), this.asOfQuery.run()]);
      const answerOf = (tally: Tally): QualityMeasuresResponse => ({
        asOf,
        measures: QUALITY_MEASURES.map((measure) => summarize(measure, evaluate(measure, cases), tally)),
      });
      return forScope(scope, answerOf(exactTally), suppressQualityMeasures, () => answerOf(perturbedTally));
    });
  }

  detail(scope: AccessScope, filters: EpisodeFilters, id: string): Promise<QualityMeasureDetailResponse> {
    const measure = measureById(id);
    return this.cache.get(scope, filters, `quality measure ${id}`, () => this.computeDetail(scope, filters, measure));
  }

  private async computeDetail(
    scope: AccessScope,
    filters: EpisodeFilters,
    measure: MeasureDefinition,
  ): Promise<QualityMeasureDetailResponse> {
    const [cases, asOf] = await Promise.all([this.casesQuery.run(scope, filters), this.asOfQuery.run()]);
    const evaluated = evaluate(measure, cases);
    const counted = evaluated.filter(({ outcome }) => outcome.status === 'denominator');
    const answerOf = (tally: Tally): QualityMeasureSplits => ({
      asOf,
      measure: summarize(measure, evaluated, tally),
      // Every month from the first to the last, a month without denominator episodes as 0 of 0.
      trend: fillMonths(
        groupRates(counted, ({ episode }) => [episode.admitMonth, episode.admitMonth], tally),
        (group) => group.key,
        (month) => ({ key: month, label: month, rate: toRate(0, 0) }),
      ),
      byProgram: groupRates(counted, ({ episode }) => [String(episode.programId), episode.programName], tally),
      byPayer: groupRates(counted, ({ episode }) => [episode.payer, PAYER_LABELS[episode.payer as Payer]], tally),
    });
    // The funnel is drawn from the splits as the caller sees them, so it is built after suppression.
    return withFunnel(forScope(scope, answerOf(exactTally), suppressQualityDetail, () => answerOf(perturbedTally)));
  }

  /** The episodes behind a numerator or denominator; every call writes one audit event (patient-level rows). */
  async patients(
    user: SignedInUser,
    scope: AccessScope,
    filters: EpisodeFilters,
    id: string,
    population: QualityPopulation,
    ip: string | null,
  ): Promise<QualityPatientsResponse> {
    const { asOf, measure, cases } = await this.patientCases(scope, filters, id, population);
    const rows = cases.map(({ episode, outcome, patientKey }) => ({
      patientKey,
      episodeId: episode.episodeId,
      programId: episode.programId,
      admitDate: episode.admitDate,
      inNumerator: outcome.inNumerator,
      startDate: outcome.startDate,
      eventDate: outcome.eventDate,
      days: outcome.days,
      proportion: outcome.proportion,
    }));
    await this.audit.record({
      user,
      action: 'quality.patients.read',
      resource: `quality/${measure.id}`,
      filters: { ...filters, population },
      rowCount: rows.length,
      ip,
    });
    return { asOf, measureId: measure.id, population, columns: measure.columns, rows };
  }

  /**
   * The evaluated episodes behind a numerator or denominator, in episode id order, unaudited: the caller (the
   * JSON list above, the exports) audits what it hands out. An unknown measure is a 404.
   */
  async patientCases(
    scope: AccessScope,
    filters: EpisodeFilters,
    id: string,
    population: QualityPopulation,
  ): Promise<{ asOf: string | null; measure: MeasureDefinition; cases: ListedCase[] }> {
    const measure = measureById(id);
    const [cases, asOf] = await Promise.all([this.casesQuery.run(scope, filters), this.asOfQuery.run()]);
    const inPopulation = evaluate(measure, cases).filter(
      ({ outcome }) => outcome.status === 'denominator' && (population === 'denominator' || outcome.inNumerator),
    );
    const patientKeys = await this.casesQuery.patientKeys(inPopulation.map(({ episode }) => episode.episodeId));
    // An episode deleted by a load since its case was read has no key any more, and is no longer listed.
    const listed = inPopulation.flatMap((item) => {
      const patientKey = patientKeys.get(item.episode.episodeId);
      return patientKey === undefined ? [] : [{ ...item, patientKey }];
    });
    return { asOf, measure, cases: listed };
  }
}

function measureById(id: string): MeasureDefinition {
  const measure = QUALITY_MEASURES.find((candidate) => candidate.id === id);
  if (!measure) {
    throw new NotFoundException(`No quality measure ${id}; known: ${QUALITY_MEASURES.map((m) => m.id).join(', ')}`);
  }
  return measure;
}

const evaluate = (measure: MeasureDefinition, cases: readonly QualityCase[]): Evaluated[] =>
  cases.map((episode) => ({ episode, outcome: measure.evaluate(episode) }));

/** How many episodes a set holds, as the caller may see it: exactly, or perturbed by their record keys (payers). */
type Tally = (episodes: readonly Evaluated[]) => number;

const exactTally: Tally = (episodes) => episodes.length;
const perturbedTally: Tally = (episodes) =>
  perturbedCount({ n: episodes.length, key: episodes.reduce((sum, { episode }) => sum + episode.recordKey, 0) });

/** The measure's rate of the given denominator episodes. */
const rateOf = (counted: readonly Evaluated[], tally: Tally) => {
  const denominator = tally(counted);
  // A perturbed numerator is capped at its perturbed denominator.
  return toRate(Math.min(tally(counted.filter(({ outcome }) => outcome.inNumerator)), denominator), denominator);
};

function summarize(measure: MeasureDefinition, evaluated: readonly Evaluated[], tally: Tally): QualityMeasureResult {
  const counted = evaluated.filter(({ outcome }) => outcome.status === 'denominator');
  const exclusions = new Map<string, Evaluated[]>();
  for (const item of evaluated) {
    const reason = item.outcome.exclusion;
    if (!reason) continue;
    const excluded = exclusions.get(reason) ?? [];
    excluded.push(item);
    exclusions.set(reason, excluded);
  }
  return {
    id: measure.id,
    name: measure.name,
    definition: measure.definition,
    rate: rateOf(counted, tally),
    // Sorted by reason, so that the order does not depend on which episode came first.
    exclusions: [...exclusions]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, excluded]) => ({ reason, count: tally(excluded) })),
  };
}

/** The measure's rate per group of denominator episodes, groups sorted by key. */
function groupRates(
  counted: readonly Evaluated[],
  keyOf: (evaluated: Evaluated) => [string, string],
  tally: Tally,
): QualityMeasureGroup[] {
  const groups = new Map<string, { label: string; episodes: Evaluated[] }>();
  for (const item of counted) {
    const [key, label] = keyOf(item);
    const group = groups.get(key) ?? { label, episodes: [] };
    group.episodes.push(item);
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, group]) => ({ key, label: group.label, rate: rateOf(group.episodes, tally) }));
}
