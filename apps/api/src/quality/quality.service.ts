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
import { forScope } from '../suppression/shared-partitions';
import { type QualityCase, QualityCasesQuery } from './quality-cases.query';
import { type QualityMeasureSplits, withFunnel } from './quality-funnel';
import { type MeasureDefinition, type MeasureOutcome, QUALITY_MEASURES } from './quality-measures';
import { QualityOutcomeStore } from './quality-outcome-store';
import { suppressQualityDetail, suppressQualityMeasures } from './quality-suppression';
import { exactTally, groupRates, perturbedTally, summarize, type Tally } from './quality-tallies';

export type Evaluated = { episode: QualityCase; outcome: MeasureOutcome };
/** An evaluated episode of a patient list, with its patient's pseudonymous key. */
export type ListedCase = Evaluated & { patientKey: string };

/** The quality measures over the selected episodes; payers see them through small-cell suppression. */
@Injectable()
export class QualityService {
  constructor(
    private readonly casesQuery: QualityCasesQuery,
    private readonly outcomes: QualityOutcomeStore,
    private readonly asOfQuery: AsOfQuery,
    private readonly audit: AuditService,
    private readonly cache: ResultCache,
  ) {}

  measures(scope: AccessScope, filters: EpisodeFilters): Promise<QualityMeasuresResponse> {
    return this.cache.get(scope, filters, 'quality measures', async () => {
      const [selection, asOf] = await Promise.all([this.outcomes.select(scope, filters), this.asOfQuery.run()]);
      const answerOf = (tally: Tally): QualityMeasuresResponse => ({
        asOf,
        measures: QUALITY_MEASURES.map((measure, index) => summarize(measure, index, selection, tally)),
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
    const [selection, asOf] = await Promise.all([this.outcomes.select(scope, filters), this.asOfQuery.run()]);
    const { store } = selection;
    const index = QUALITY_MEASURES.indexOf(measure);
    const programNames = await this.casesQuery.programNames([
      ...new Set(Array.from(selection.slots, (slot) => store.programId(slot))),
    ]);
    const answerOf = (tally: Tally): QualityMeasureSplits => ({
      asOf,
      measure: summarize(measure, index, selection, tally),
      // Every month from the first to the last, a month without denominator episodes as 0 of 0.
      trend: fillMonths(
        groupRates(
          selection,
          index,
          { groupOf: (slot) => store.monthCode(slot), keyOf: (code) => store.monthOf(code), labelOf: (month) => month },
          tally,
        ),
        (group) => group.key,
        (month) => ({ key: month, label: month, rate: toRate(0, 0) }),
      ),
      byProgram: groupRates(
        selection,
        index,
        {
          groupOf: (slot) => store.programId(slot),
          keyOf: String,
          labelOf: (key) => programNames.get(Number(key)) ?? key,
        },
        tally,
      ),
      byPayer: groupRates(
        selection,
        index,
        {
          groupOf: (slot) => store.payerCode(slot),
          keyOf: (code) => store.payerOf(code),
          labelOf: (payer) => PAYER_LABELS[payer as Payer],
        },
        tally,
      ),
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
