import { ChangeDetectionStrategy, Component, computed, ElementRef, input, output, viewChild } from '@angular/core';
import { type Annotation, type FlowResponse, isSuppressed } from '@iop/contracts';
import { LineChartModule } from '@swimlane/ngx-charts';
import { AnnotationOverlay } from '../../ui/charts/annotation-overlay';
import { annotationMarkers, withAnnotations } from '../../ui/charts/chart-annotations';
import type { FrameState } from '../../ui/charts/chart-frame';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { SERIES_COLORS } from '../../ui/charts/chart-panel';
import { followNgxPlotBox } from '../../ui/charts/plot-box';
import { seriesScheme } from '../../ui/charts/series-scheme';
import { formatCount } from '../../ui/formats/number-format';
import { toFlowDisplay } from './flow-display';

/** Admissions and discharges per calendar month, as two lines in a chart frame. */

/** A total, or words for one that a withheld month (a payer's small cell) leaves unknown. */
const totalText = (count: number | null) => (count === null ? 'a withheld number of' : formatCount(count));

@Component({
  selector: 'iop-admissions-flow-chart',
  imports: [AnnotationOverlay, ChartFrame, LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <iop-chart-frame
      heading="Admissions and discharges by month"
      subtitle="Episodes admitted in each month (by admit date) and discharged in each month (by discharge date)."
      unit="episodes admitted"
      definition="admissions-discharges"
      data-testid="flow-frame"
      [n]="display()?.admissions ?? null"
      [table]="display()?.table ?? emptyTable"
      [state]="state()"
      [errorMessage]="errorMessage()"
      [chartDescription]="description()"
      [annotations]="markedNotes()"
      (retry)="retry.emit()"
    >
      @if (display(); as flow) {
        @if (!flow.isEmpty) {
          <div class="flow-layout">
            <ul class="flow-legend" aria-label="Lines">
              @for (line of flow.series; track line.name; let i = $index) {
                <li><span class="swatch" [style.background]="colorScheme.domain[i]"></span>{{ line.name }}</li>
              }
            </ul>
            <div class="flow-plot" #plot>
              <ngx-charts-line-chart
                class="chart-host"
                [results]="flow.series"
                [scheme]="colorScheme"
                [xAxis]="true"
                [yAxis]="true"
                [showXAxisLabel]="true"
                [showYAxisLabel]="true"
                xAxisLabel="Month"
                yAxisLabel="Episodes per month"
                [xAxisTicks]="flow.ticks"
                [yAxisTickFormatting]="formatCount"
                [showGridLines]="true"
                [animations]="false"
                [roundDomains]="true"
              />
              <iop-annotation-overlay [markers]="markers()" [plot]="plotBox()" />
            </div>
          </div>
        }
      }
    </iop-chart-frame>
  `,
  styleUrl: './overview-charts.scss',
  styles: `
    .flow-layout {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    .flow-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 4px;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-medium);
    }
    .swatch {
      display: inline-block;
      width: 16px;
      height: 4px;
      margin-inline-end: 6px;
      vertical-align: middle;
      border-radius: 2px;
    }
    .flow-plot {
      position: relative;
      flex: 1 1 auto;
      min-height: 0;
    }
  `,
})
export class AdmissionsFlowChart {
  /** Undefined while loading. */
  readonly response = input<FlowResponse | undefined>(undefined);
  readonly state = input<FrameState>('loading');
  readonly errorMessage = input('');
  /** Notes to mark on the months they touch (docs/ARCHITECTURE.md "Annotations"). */
  readonly annotations = input<readonly Annotation[]>([]);
  readonly retry = output<void>();

  private readonly plot = viewChild<ElementRef<HTMLElement>>('plot');
  protected readonly plotBox = followNgxPlotBox(() => this.plot()?.nativeElement);
  /** The months on the x axis: ngx-charts' point scale has one per month with a point (withheld in both: none). */
  private readonly periods = computed(() =>
    (this.response()?.points ?? [])
      .filter((point) => !isSuppressed(point.admissions) || !isSuppressed(point.discharges))
      .map((point) => point.period),
  );
  protected readonly markers = computed(() => annotationMarkers(this.annotations(), this.periods()));
  protected readonly markedNotes = computed(() => this.markers().map((marker) => marker.annotation));

  protected readonly display = computed(() => {
    const response = this.response();
    return response ? toFlowDisplay(response) : null;
  });
  protected readonly description = computed(() => {
    const flow = this.display();
    if (!flow || flow.isEmpty) return 'Admissions and discharges by month.';
    const rows = flow.table.rows;
    return withAnnotations(
      `Admissions and discharges by month, ${rows[0]['month']} to ${rows[rows.length - 1]['month']}: ` +
        `${totalText(flow.admissions)} admissions and ${totalText(flow.discharges)} discharges in all. ` +
        'The table view lists every month.',
      this.markers(),
    );
  });
  protected readonly emptyTable = { columns: [], rows: [] };
  protected readonly formatCount = formatCount;
  protected readonly colorScheme = seriesScheme('iop-flow', SERIES_COLORS);
}
