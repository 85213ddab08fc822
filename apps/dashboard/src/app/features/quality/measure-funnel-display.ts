import { type FunnelPlot, funnelStatement, isSuppressed } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { toFunnelTable } from '../../ui/charts/funnel-table';
import { formatPercent } from '../../ui/formats/number-format';
import { shortProgramName } from './quality-display';

/** What the measure's funnel frame shows. */
export interface MeasureFunnelDisplay {
  /** The funnel with the programs' short names, which the plot's labels have room for. */
  funnel: FunnelPlot;
  /** Episodes in the denominator over the programs placed on the funnel. */
  n: number;
  /** Every program with its full name, its limits and its place in words; withheld programs with their reason. */
  table: FrameTable;
  /** The chart's accessible name: what it shows and which programs lie outside the 99.8% limits, in words. */
  description: string;
}

/**
 * A quality measure's programs on a funnel plot, as the attendance page shows its counselors: in the API's order
 * (by id), each compared with what chance explains around the measure's rate, never with the others.
 */
export function toMeasureFunnelDisplay(measureName: string, funnel: FunnelPlot): MeasureFunnelDisplay {
  const outside = funnel.units
    .filter((unit) => unit.at998 === 'above' || unit.at998 === 'below')
    .map((unit) => `${unit.label}: ${funnelStatement(unit).toLowerCase()}`);
  const networkRate = isSuppressed(funnel.network) ? null : funnel.network.rate;
  const network =
    networkRate === null
      ? `${measureName}: the rate over the selection is withheld, so no program is compared with it.`
      : `${measureName}: each program's rate against its episodes in the denominator, with the 95% and 99.8% limits around the rate of ${formatPercent(networkRate)} over the selection.`;
  const placed =
    outside.length > 0
      ? `Outside the 99.8% limits: ${outside.join('; ')}.`
      : networkRate === null || funnel.units.length === 0
        ? ''
        : 'No program lies outside the 99.8% limits.';
  return {
    funnel: {
      ...funnel,
      units: funnel.units.map((unit) => ({ ...unit, label: shortProgramName(unit.label) })),
      withheld: funnel.withheld.map((unit) => ({ ...unit, label: shortProgramName(unit.label) })),
    },
    n: funnel.units.reduce((sum, unit) => sum + unit.denominator, 0),
    table: toFunnelTable(funnel, {
      unit: 'Program',
      rate: 'Rate',
      numerator: 'Numerator',
      denominator: 'Denominator',
    }),
    description: [network, placed, 'The table view lists every program.'].filter(Boolean).join(' '),
  };
}
