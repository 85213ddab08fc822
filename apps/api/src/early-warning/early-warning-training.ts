import type { EarlyWarningModelSummary, EarlyWarningValidation } from '@iop/contracts';
import { EARLY_WARNING_FEATURES } from '@iop/contracts';
import { brierScore, calibrationGroups, cStatistic, type NotEstimableReason } from '@iop/stats';
import type { RiskFitResult, RiskFitTask } from './early-warning-fit';
import { designOf, learnEncoding, predictRisks, type RiskModel } from './early-warning-model';
import type { HistoryRows, HistoryTable } from './history-table';

/** The model the list is scored with, and how well the same recipe ranked the period after a cut-off. */
export interface TrainedEarlyWarning {
  model: RiskModel | null;
  summary: EarlyWarningModelSummary | null;
  /** Why there is no model, in words, or null. */
  modelUnavailable: string | null;
  validation: EarlyWarningValidation | null;
  validationUnavailable: string | null;
}

/** A NotEstimableError's reason in words, never its message. */
const NOT_ESTIMABLE_WORDS: Record<NotEstimableReason, string> = {
  'too-few-observations': 'too few weekly rows for the model',
  'no-variation': 'every weekly row of the history has the same 14-day outcome',
  'singular-design': 'the features are collinear in the history',
  separation: 'a feature separates the outcome (the model has no finite estimate)',
  'not-converged': 'the model did not converge',
};

async function fitModel(
  rows: HistoryRows,
  fit: (task: RiskFitTask) => Promise<RiskFitResult>,
): Promise<{ model: RiskModel } | { unavailable: string }> {
  if (rows.length === 0) return { unavailable: 'no weekly rows with a known outcome' };
  const encoding = learnEncoding(rows);
  const result = await fit({ outcomes: rows.outcomes(), design: designOf(encoding, rows) });
  if (result.status === 'not-estimable') return { unavailable: NOT_ESTIMABLE_WORDS[result.reason] };
  return { model: { encoding, coefficients: result.coefficients } };
}

/**
 * Fits the model twice from the weekly history (docs/METRICS.md "Early warning"): on the rows whose outcome was
 * known by the cut-off, scored on the rows after it (the validation: a time split, so the figures are those of a
 * model used on patients it has not seen, later in time), and on every row (the model that scores the list). The
 * two fits run one after the other in the worker threads: side by side they would hold both designs at once
 * (about 400 MB at the large preset) to save a few seconds of a background refit.
 */
export async function trainAndValidate(
  history: HistoryTable,
  cutOff: string,
  fit: (task: RiskFitTask) => Promise<RiskFitResult>,
): Promise<TrainedEarlyWarning> {
  const before = history.subset('before');
  const after = history.subset('after');
  const all = history.all();
  const validationFit = await fitModel(before, fit);
  const finalFit = await fitModel(all, fit);

  let validation: EarlyWarningValidation | null = null;
  let validationUnavailable: string | null = null;
  const afterEvents = after.events();
  if ('unavailable' in validationFit) validationUnavailable = `before the cut-off: ${validationFit.unavailable}`;
  else if (afterEvents === 0 || afterEvents === after.length) {
    validationUnavailable = 'after the cut-off, every weekly row has the same 14-day outcome';
  } else {
    const predicted = predictRisks(validationFit.model, after);
    const outcomes = Array.from(after.outcomes());
    const c = cStatistic(predicted, outcomes);
    const trainingEvents = before.events();
    const trainingRate = trainingEvents / before.length;
    validation = {
      cutOff,
      trainingRows: before.length,
      trainingEvents,
      validationRows: after.length,
      validationEvents: afterEvents,
      cStatistic: { estimate: c.estimate, lower: c.lower, upper: c.upper },
      brier: brierScore(predicted, outcomes),
      brierOfBaseRate: brierScore(
        outcomes.map(() => trainingRate),
        outcomes,
      ),
      calibration: calibrationGroups(predicted, outcomes).map(({ group, n, meanPredicted, observed }) => ({
        group,
        n,
        meanPredicted,
        observed,
      })),
    };
  }

  if ('unavailable' in finalFit) {
    return { model: null, summary: null, modelUnavailable: finalFit.unavailable, validation, validationUnavailable };
  }
  const events = all.events();
  return {
    model: finalFit.model,
    summary: {
      features: [...EARLY_WARNING_FEATURES],
      trainingRows: history.length,
      trainingEvents: events,
      baseRate: events / history.length,
    },
    modelUnavailable: null,
    validation,
    validationUnavailable,
  };
}
