import {
  EARLY_WARNING_RULE_LABELS,
  type EarlyWarningBand,
  type EarlyWarningRow,
  type EarlyWarningValidation,
} from '@iop/contracts';
import type { XyPlotSpec } from '../../ui/plots/xy-plot';
import { formatPercent, percentTick } from '../../ui/formats/number-format';

export const BAND_WORDS: Record<EarlyWarningBand, string> = {
  high: 'High',
  elevated: 'Elevated',
  low: 'Low',
  flagged: 'Flagged by a rule',
  none: 'No rule met',
};

/** "0.71 (95% CI 0.66–0.75)": a probability of ranking a pair right, to two places as such figures are quoted. */
export function cStatisticText({ cStatistic }: EarlyWarningValidation): string {
  const { estimate, lower, upper } = cStatistic;
  return `${estimate.toFixed(2)} (95% CI ${lower.toFixed(2)}–${upper.toFixed(2)})`;
}

export function brierText({ brier, brierOfBaseRate }: EarlyWarningValidation): string {
  return `${brier.toFixed(4)} (predicting the average rate for everyone: ${brierOfBaseRate.toFixed(4)})`;
}

/** What drives a row's place in the list, in words: the model's two features or the rules met. */
export function reasonsText(row: EarlyWarningRow): string {
  if (row.drivers.length > 0) return row.drivers.map((driver) => `${driver.label}: ${driver.value}`).join('; ');
  return row.rulesMet.map((rule) => EARLY_WARNING_RULE_LABELS[rule]).join('; ') || '—';
}

export function riskText(row: EarlyWarningRow): string {
  return row.risk === null ? '—' : formatPercent(row.risk);
}

/** The calibration chart: each decile's observed rate against its mean prediction, and the line of perfect calibration. */
export function calibrationPlot(validation: EarlyWarningValidation): XyPlotSpec {
  const top = Math.max(0.05, ...validation.calibration.flatMap((group) => [group.meanPredicted, group.observed]));
  return {
    xLabel: 'Predicted risk (mean of the decile)',
    yLabel: 'Observed 14-day disengagement',
    yDomain: [0, top],
    formatX: percentTick,
    formatY: percentTick,
    series: [
      {
        name: 'Deciles of predicted risk',
        kind: 'points',
        color: '#3d7bd9',
        points: validation.calibration.map((group) => ({ x: group.meanPredicted, y: group.observed })),
      },
      {
        name: 'Perfect calibration',
        kind: 'line',
        color: '#6b6b6b',
        dashed: true,
        points: [
          { x: 0, y: 0 },
          { x: top, y: top },
        ],
      },
    ],
  };
}
