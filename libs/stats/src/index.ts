export { wilsonInterval } from './lib/proportions';
export { pearson, type PearsonResult } from './lib/correlation';
export { linearRegression, type LinearRegressionResult } from './lib/linear-regression';
export {
  isRowMajorMatrix,
  matrixRows,
  rowMajorMatrix,
  type CompressedRows,
  type DesignMatrix,
  type RowMajorMatrix,
} from './lib/row-major-matrix';
export type { LeastSquaresSolver, LeastSquaresSolverChoice } from './lib/least-squares';
export {
  logisticRegression,
  type LogisticRegressionOptions,
  type LogisticRegressionResult,
} from './lib/logistic-regression';
export {
  kaplanMeier,
  type ConfidenceBandType,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  type KaplanMeierStep,
} from './lib/survival/kaplan-meier';
export {
  coxRegression,
  type CoxRegressionOptions,
  type CoxRegressionResult,
  type CoxTies,
} from './lib/survival/cox-regression';
export { logRank, type GroupLabel, type LogRankResult } from './lib/survival/log-rank';
export { NotEstimableError, type NotEstimableReason } from './lib/not-estimable';
export { adjustPValues, type PValueAdjustment } from './lib/adjust-p-values';
export {
  classifyFunnelRate,
  funnelCurve,
  funnelLimits,
  type FunnelClassification,
  type FunnelLimits,
  type FunnelLimitsOptions,
  type FunnelMethod,
  type FunnelPosition,
} from './lib/funnel-limits';
export { cStatistic, type CStatisticMethod, type CStatisticOptions, type CStatisticResult } from './lib/c-statistic';
export { brierScore, calibrationGroups, type CalibrationGroup } from './lib/calibration';
