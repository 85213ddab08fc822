import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { ChartLegend } from '../../ui/charts/chart-legend';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { formatCount } from '../../ui/formats/number-format';
import { AT_OR_ABOVE_FLOOR_COLOR, BELOW_FLOOR_COLOR, type HoursDisplay } from './hours-display';

/** Episodes by attended hours per week, the bins below the adult intensity floor in a contrasting colour. */
@Component({
  selector: 'iop-hours-histogram',
  imports: [BarChartModule, ChartLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plot">
      <ngx-charts-bar-vertical
        [results]="results()"
        [scheme]="colorScheme"
        [customColors]="customColors()"
        [xAxis]="true"
        [yAxis]="true"
        [showXAxisLabel]="true"
        [showYAxisLabel]="true"
        xAxisLabel="Attended hours per week"
        yAxisLabel="Episodes"
        [yAxisTickFormatting]="formatCount"
        [showGridLines]="true"
        [animations]="false"
        [tooltipDisabled]="true"
        [barPadding]="2"
      />
    </div>
    <iop-chart-legend [entries]="legend()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .plot {
      height: 280px;
    }
  `,
})
export class HoursHistogram {
  readonly display = input.required<HoursDisplay>();

  protected readonly formatCount = formatCount;
  protected readonly colorScheme = seriesScheme('iop-hours', [AT_OR_ABOVE_FLOOR_COLOR]);
  protected readonly legend = computed(() => [
    { label: `Below the adult floor (under ${this.display().adultFloor} hours)`, color: BELOW_FLOOR_COLOR },
    { label: `At or above ${this.display().adultFloor} hours`, color: AT_OR_ABOVE_FLOOR_COLOR },
  ]);
  protected readonly results = computed(() => this.display().chart.map((bin) => ({ ...bin })));
  protected readonly customColors = computed(() => this.display().customColors);
}
