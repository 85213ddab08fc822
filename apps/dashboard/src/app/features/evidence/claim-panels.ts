import type { EvidenceClaim } from '@iop/contracts';
import { costPanels, groupedBarPanels, heatmapPanels } from './bar-panels';
import type { EvidencePanel } from './evidence-panel';
import { scatterPanels } from './scatter-panels';
import { survivalCurvesOf, survivalPanel } from './survival-panels';

/**
 * The charts of a claim: on the board (`full` false) the one chart that tests it, on the detail page every panel.
 * Survival curves come from the detail endpoint's steps, so `detail` is needed for them to be drawn.
 */
export function claimPanels(claim: EvidenceClaim, full: boolean, detail?: Record<string, unknown>): EvidencePanel[] {
  const chart = claim.chart;
  switch (chart.type) {
    case 'binned_scatter':
      return scatterPanels(claim.id, chart, full);
    case 'survival':
      return [survivalPanel(claim.id, chart, survivalCurvesOf(detail), full)];
    case 'grouped_bars':
      return groupedBarPanels(claim.id, chart, full);
    case 'heatmap':
      return heatmapPanels(chart, full);
    case 'cost_bars':
      return costPanels(chart, full);
  }
}
