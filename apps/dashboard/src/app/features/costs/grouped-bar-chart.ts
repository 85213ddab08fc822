import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { ChartLegend } from '../../ui/charts/chart-legend';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { formatCurrency, formatPercent } from '../../ui/formats/number-format';
import type { BarGroup } from './costs-display';

export type BarValueFormat = 'currency' | 'percent';

const FORMATTERS: Record<BarValueFormat, (value: number) => string> = {
  currency: formatCurrency,
  percent: formatPercent,
};

/**
 * Horizontal grouped bars (one group per measure, one bar per series) with a legend of our own: ngx-charts'
 * legend entries are not keyboard-reachable and take the width a phone does not have. Meant to be projected
 * into an iop-chart-frame, which gives it its height, title, n, table and downloads.
 */
@Component({
  selector: 'iop-grouped-bar-chart',
  imports: [BarChartModule, ChartLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <iop-chart-legend [entries]="legend()" placement="above" [decorative]="true" testId="grouped-bar-legend" />
    <div class="chart">
      <ngx-charts-bar-horizontal-2d
        [results]="chartResults()"
        [scheme]="colorScheme()"
        [customColors]="seriesColors()"
        [xAxis]="true"
        [yAxis]="true"
        [showXAxisLabel]="true"
        [showYAxisLabel]="categoryAxisLabel() !== ''"
        [xAxisLabel]="valueAxisLabel()"
        [yAxisLabel]="categoryAxisLabel()"
        [showGridLines]="true"
        [showDataLabel]="true"
        [dataLabelFormatting]="formatValue()"
        [xAxisTickFormatting]="formatValue()"
        [xScaleMax]="scaleMax()"
        [trimYAxisTicks]="false"
        [groupPadding]="12"
        [barPadding]="2"
        [noBarWhenZero]="false"
        [animations]="false"
        [tooltipDisabled]="true"
      />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    .chart {
      flex: 1 1 auto;
      min-height: 0;
      min-width: 0;
    }
  `,
})
export class GroupedBarChart {
  readonly groups = input.required<readonly BarGroup[]>();
  /** The series in legend and colour order; a series absent from a group keeps its colour. */
  readonly seriesNames = input.required<readonly string[]>();
  readonly valueFormat = input<BarValueFormat>('currency');
  /** With its unit, e.g. "US dollars (2025)". */
  readonly valueAxisLabel = input.required<string>();
  /** Left out when the group names say it themselves (a long label would overlap the ticks). */
  readonly categoryAxisLabel = input('');

  protected readonly formatValue = computed(() => FORMATTERS[this.valueFormat()]);
  /** ngx-charts mutates what it is given, so it gets copies rather than the caller's objects. */
  protected readonly chartResults = computed(() =>
    this.groups().map((group) => ({ name: group.name, series: group.series.map((bar) => ({ ...bar })) })),
  );
  protected readonly legend = computed(() =>
    this.seriesNames().map((label, index) => ({ label, color: SERIES_COLORS[index % SERIES_COLORS.length] })),
  );
  protected readonly colorScheme = computed(() =>
    seriesScheme(
      'iop-grouped-bars',
      this.legend().map((entry) => entry.color),
    ),
  );
  /** By name, so that a series keeps its legend colour when a filter removes another one. */
  protected readonly seriesColors = computed(() =>
    this.legend().map((entry) => ({ name: entry.label, value: entry.color })),
  );
  /**
   * Room past the longest bar for its data label, which would otherwise run off the plot; a rate axis ends at
   * 100% at most.
   */
  protected readonly scaleMax = computed(() => {
    const longest = Math.max(0, ...this.groups().flatMap((group) => group.series.map((bar) => bar.value)));
    return this.valueFormat() === 'percent' ? Math.min(1, longest * 1.25) : longest * 1.25;
  });
}
