import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { ChartLegend } from '../../ui/charts/chart-legend';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { percentTick } from '../../ui/formats/number-format';
import type { ComplianceDisplay } from './compliance-display';

/** Each compliance component's mean next to the share of episodes meeting the threshold, as grouped bars. */
@Component({
  selector: 'iop-compliance-chart',
  imports: [BarChartModule, ChartLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plot">
      <ngx-charts-bar-horizontal-2d
        [results]="results()"
        [scheme]="colorScheme"
        [xAxis]="true"
        [yAxis]="true"
        [showXAxisLabel]="true"
        [showYAxisLabel]="true"
        xAxisLabel="Score or share of episodes (%)"
        yAxisLabel="Component"
        [xScaleMax]="1"
        [xAxisTickFormatting]="percentTick"
        [showDataLabel]="true"
        [dataLabelFormatting]="dataLabel"
        [showGridLines]="true"
        [animations]="false"
        [tooltipDisabled]="true"
        [wrapTicks]="true"
      />
    </div>
    <iop-chart-legend [entries]="legend()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .plot {
      height: 260px;
    }
  `,
})
export class ComplianceChart {
  readonly display = input.required<ComplianceDisplay>();

  protected readonly percentTick = percentTick;
  protected readonly dataLabel = (value: number) => `${(value * 100).toFixed(1)}%`;
  protected readonly colorScheme = seriesScheme('iop-compliance', [SERIES_COLORS[0], SERIES_COLORS[2]]);
  protected readonly legend = computed(() =>
    this.display().seriesNames.map((label, index) => ({ label, color: this.colorScheme.domain[index] })),
  );
  protected readonly results = computed(() =>
    this.display().chart.map((group) => ({ name: group.name, series: group.series.map((point) => ({ ...point })) })),
  );
}
