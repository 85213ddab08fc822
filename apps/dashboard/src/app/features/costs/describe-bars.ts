import { formatCurrency, formatPercent } from '../../ui/formats/number-format';
import type { BarGroup } from './costs-display';

/**
 * The accessible name of a grouped bar chart, reading out every bar, since the SVG itself says nothing
 * useful to a screen reader: "Title: Per episode: IOP (2.1) $3,516, Standard outpatient (1) $1,096; …".
 */
export function describeGroupedBars(
  title: string,
  groups: readonly BarGroup[],
  format: 'currency' | 'percent',
): string {
  const formatValue = format === 'currency' ? formatCurrency : formatPercent;
  const parts = groups.map(
    (group) =>
      `${group.name}: ${group.series.length ? group.series.map((bar) => `${bar.name} ${formatValue(bar.value)}`).join(', ') : 'no value'}`,
  );
  return `${title}. ${parts.join('; ')}.`;
}
