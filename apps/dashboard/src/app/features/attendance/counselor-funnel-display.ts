import { type FunnelResponse, funnelStatement, isSuppressed } from '@iop/contracts';
import type { FrameTable } from '../../ui/charts/frame-table';
import { toFunnelTable } from '../../ui/charts/funnel-table';
import { formatPercent } from '../../ui/formats/number-format';

export interface CounselorFunnelDisplay {
  /** The response with the counselors' names without the "Counselor" prefix, which every point would repeat. */
  funnel: FunnelResponse;
  /** Appointments over the counselors placed on the funnel. */
  n: number;
  table: FrameTable;
  /** The chart's accessible name: what it shows and who lies outside the 99.8% limits, in words. */
  description: string;
}

const shortName = (label: string) => label.replace(/^Counselor\s+/, '');

export function toCounselorFunnelDisplay(response: FunnelResponse): CounselorFunnelDisplay {
  const outside = response.units
    .filter((unit) => unit.at998 === 'above' || unit.at998 === 'below')
    .map((unit) => `${shortName(unit.label)}: ${funnelStatement(unit).toLowerCase()}`);
  const networkRate = isSuppressed(response.network) ? null : response.network.rate;
  const network =
    networkRate === null
      ? 'The network rate is withheld, so no counselor is compared.'
      : `Each counselor's attendance rate against their appointments, with the 95% and 99.8% limits around the network rate of ${formatPercent(networkRate)}.`;
  const placed =
    outside.length > 0
      ? `Outside the 99.8% limits: ${outside.join('; ')}.`
      : networkRate === null
        ? ''
        : 'No counselor lies outside the 99.8% limits.';
  return {
    funnel: {
      ...response,
      units: response.units.map((unit) => ({ ...unit, label: shortName(unit.label) })),
      withheld: response.withheld.map((unit) => ({ ...unit, label: shortName(unit.label) })),
    },
    n: response.units.reduce((sum, unit) => sum + unit.denominator, 0),
    table: toFunnelTable(response, {
      unit: 'Counselor',
      rate: 'Attendance rate',
      numerator: 'Attended',
      denominator: 'Appointments',
    }),
    description: [network, placed, 'The table view lists every counselor.'].filter(Boolean).join(' '),
  };
}

/** Nothing to draw: no counselor has an appointment in the selection. */
export function isFunnelEmpty(response: FunnelResponse): boolean {
  return response.units.length === 0 && response.withheld.length === 0;
}
