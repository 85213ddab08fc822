import { type Color, ScaleType } from '@swimlane/ngx-charts';

/**
 * The ngx-charts colour scheme that paints the series (or bars) in the order of `colors`. Not selectable:
 * no chart of ours filters on a click, and a selected bar would only look different.
 */
export function seriesScheme(name: string, colors: readonly string[]): Color {
  return { name, selectable: false, group: ScaleType.Ordinal, domain: [...colors] };
}
