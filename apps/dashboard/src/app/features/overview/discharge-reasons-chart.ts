import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { DischargeReasonsResponse } from '@iop/contracts';
import { BarChartModule } from '@swimlane/ngx-charts';
import type { FrameState } from '../../ui/charts/chart-frame';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { formatCount, WITHHELD_TEXT } from '../../ui/formats/number-format';
import { toDischargeReasonsDisplay } from './discharge-reasons-display';

const wholePercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/** How the discharged episodes ended: one horizontal bar per TEDS-D reason, with share and count. */
@Component({
  selector: 'iop-discharge-reasons-chart',
  imports: [BarChartModule, ChartFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <iop-chart-frame
      heading="Discharge reasons"
      subtitle="Share of discharged episodes by TEDS-D discharge reason, with the count in brackets."
      unit="discharged episodes"
      definition="discharge-reasons"
      data-testid="discharge-reasons-frame"
      [n]="display()?.discharged ?? null"
      [table]="display()?.table ?? emptyTable"
      [state]="state()"
      [errorMessage]="errorMessage()"
      [chartDescription]="description()"
      (retry)="retry.emit()"
    >
      @if (display(); as reasons) {
        <div class="bars">
          <ngx-charts-bar-horizontal
            class="chart-host"
            [results]="reasons.bars"
            [scheme]="colorScheme"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="true"
            [showYAxisLabel]="true"
            xAxisLabel="Share of discharges (%)"
            yAxisLabel="Discharge reason"
            [xScaleMax]="reasons.shareAxisMax"
            [xAxisTickFormatting]="formatWholePercent"
            [showDataLabel]="true"
            [dataLabelFormatting]="reasons.labelOfShare"
            [showGridLines]="true"
            [animations]="false"
            [tooltipDisabled]="true"
          />
        </div>
      }
    </iop-chart-frame>
    @if (display(); as reasons) {
      @if (state() === 'ready') {
        <p class="chart-note" data-testid="discharge-active">
          Still active on the as-of date, not in these shares: {{ totalText(reasons.active) }} episodes.
          @if (reasons.withheld.length) {
            Withheld ({{ withheldText }}, or would reveal such a count): {{ reasons.withheld.join(', ') }}.
          }
        </p>
      }
    }
  `,
  styleUrl: './overview-charts.scss',
  styles: `
    .bars {
      height: 100%;
    }
  `,
})
export class DischargeReasonsChart {
  readonly response = input<DischargeReasonsResponse | undefined>(undefined);
  readonly state = input<FrameState>('loading');
  readonly errorMessage = input('');
  readonly retry = output<void>();

  protected readonly display = computed(() => {
    const response = this.response();
    return response ? toDischargeReasonsDisplay(response) : null;
  });
  protected readonly description = computed(() => {
    const reasons = this.display();
    if (!reasons) return 'Discharge reasons.';
    const bars = reasons.bars.map((bar) => `${bar.name} ${reasons.labelOfShare(bar.value)}`).join(', ');
    return `Discharge reasons of ${this.totalText(reasons.discharged)} discharged episodes: ${bars}.`;
  });
  /** A count, or words for one the API withheld (a payer's small cell). */
  protected readonly totalText = (count: number | null) =>
    count === null ? 'a withheld number of' : formatCount(count);
  protected readonly emptyTable = { columns: [], rows: [] };
  protected readonly formatCount = formatCount;
  protected readonly withheldText = WITHHELD_TEXT;
  protected readonly formatWholePercent = (value: number) => wholePercent.format(value);
  // One colour for every bar: the reasons are categories on the axis, not series to tell apart.
  protected readonly colorScheme = seriesScheme('iop-discharge-reasons', [SERIES_COLORS[0]]);
}
