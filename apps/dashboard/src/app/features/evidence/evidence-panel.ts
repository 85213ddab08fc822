import type { FrameTable } from '../../ui/charts/frame-table';
import type { BarPlotSpec } from '../../ui/plots/bar-plot';
import type { HeatmapSpec } from '../../ui/plots/heatmap-plot';
import type { XyPlotSpec } from '../../ui/plots/xy-plot';

export type PlotSpec =
  | { kind: 'xy'; spec: XyPlotSpec }
  | { kind: 'bars'; spec: BarPlotSpec }
  | { kind: 'heatmap'; spec: HeatmapSpec };

/** One chart of a claim, ready for iop-chart-frame: its words, its n, its table and what to draw. */
export interface EvidencePanel {
  /** Stable key for tracking and test ids, e.g. "main", "alliance-to-retention". */
  key: string;
  heading: string;
  subtitle: string;
  n: number | null;
  unit: string;
  table: FrameTable;
  plot: PlotSpec;
  /** Whether there is anything to draw; an empty panel shows the frame's empty state. */
  empty: boolean;
}

// Three significant digits keep a slope of 0.0126 and a mean of 40.9 both legible, in table and CSV alike.
export function round3(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value.toPrecision(3));
}

const LEVEL_NAMES: Record<string, string> = { '2.1': 'IOP (2.1)', '1': 'Outpatient (1)' };

/** "2.1" -> "IOP (2.1)". */
export function levelName(code: string): string {
  return LEVEL_NAMES[code] ?? `Level ${code}`;
}
