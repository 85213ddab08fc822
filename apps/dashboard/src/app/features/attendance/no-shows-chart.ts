import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { ChartLegend } from '../../ui/charts/chart-legend';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { percentTick } from '../../ui/formats/number-format';
import { type NoShowsDisplay, STATUS_LEGEND } from './no-shows-display';

/** Each session type's appointments split by status, as 100% stacked horizontal bars. */
@Component({
  selector: 'iop-no-shows-chart',
  imports: [BarChartModule, ChartLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plot" [style.height.px]="plotHeight()">
      <ngx-charts-bar-horizontal-stacked
        [results]="results()"
        [scheme]="colorScheme"
        [xAxis]="true"
        [yAxis]="true"
        [showXAxisLabel]="true"
        [showYAxisLabel]="true"
        xAxisLabel="Share of appointments (%)"
        yAxisLabel="Session type"
        [xScaleMax]="1"
        [xAxisTickFormatting]="percentTick"
        [showGridLines]="true"
        [animations]="false"
        [tooltipDisabled]="true"
        [barPadding]="10"
      />
    </div>
    <iop-chart-legend [entries]="legend" />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class NoShowsChart {
  readonly display = input.required<NoShowsDisplay>();

  protected readonly percentTick = percentTick;
  protected readonly legend = STATUS_LEGEND;
  protected readonly colorScheme = seriesScheme(
    'iop-appointment-status',
    STATUS_LEGEND.map((status) => status.color),
  );
  /** ngx-charts mutates its input, so it gets copies. */
  protected readonly results = computed(() =>
    this.display().chart.map((group) => ({ name: group.name, series: group.series.map((point) => ({ ...point })) })),
  );
  protected readonly plotHeight = computed(() => 80 + this.display().chart.length * 40);
}
