import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { SERIES_COLORS } from '../charts/chart-panel';
import { formatCurrency, formatPercent } from '../format/number-format';
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
  imports: [BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" aria-hidden="true" data-testid="grouped-bar-legend">
      @for (entry of legend(); track entry.name) {
        <li><span class="swatch" [style.background]="entry.color"></span>{{ entry.name }}</li>
      }
    </ul>
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
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 4px;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-inline-end: 6px;
      border-radius: 2px;
      vertical-align: -1px;
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
    this.seriesNames().map((name, index) => ({ name, color: SERIES_COLORS[index % SERIES_COLORS.length] })),
  );
  protected readonly colorScheme = computed<Color>(() => ({
    name: 'iop-grouped-bars',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: this.legend().map((entry) => entry.color),
  }));
  /** By name, so that a series keeps its legend colour when a filter removes another one. */
  protected readonly seriesColors = computed(() =>
    this.legend().map((entry) => ({ name: entry.name, value: entry.color })),
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
