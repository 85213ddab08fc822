import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { QualityMeasureDetailResponse, QualityMeasureGroup, QualityMeasureId } from '@iop/contracts';
import { AnnotationsApi } from '../../data-access/api/annotations-api';
import { QualityApi } from '../../data-access/api/quality-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { FunnelChart } from '../../ui/charts/funnel-chart';
import { withAnnotations } from '../../ui/charts/chart-annotations';
import { intervalBarMarkers } from '../../ui/charts/interval-bar-annotations';
import { IntervalBarChart } from '../../ui/charts/interval-bar-chart';
import { AuthSession } from '../../data-access/auth/auth-session';
import type { FrameTable } from '../../ui/charts/frame-table';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { FilterState } from '../../data-access/filters/filter-state';
import { formatMonth } from '../../ui/formats/number-format';
import { ReferenceLine } from '../../ui/benchmarks/reference-line';
import { PatientList } from './patient-list';
import { type MeasureReferences, referenceLinesOf, withReferenceRows } from './quality-references';
import { denominatorOf, describeGroups, toGroupBars, toGroupTable } from './quality-display';
import { toMeasureFunnelDisplay } from './measure-funnel-display';

/** Who may open the patient list: the API's roles for /quality/measures/:id/patients (never payers). */
const PATIENT_LIST_ROLES = ['director', 'quality', 'admin'] as const;

/** One breakdown of the chosen measure, drawn as bars with their intervals in a chart frame. */
interface BreakdownFrame {
  testId: string;
  heading: string;
  subtitle: string;
  groupHeader: string;
  groupsOf: (detail: QualityMeasureDetailResponse) => readonly QualityMeasureGroup[];
  labelOf?: (group: QualityMeasureGroup) => string;
  /** The trend draws the benchmark and target; a program's or payer's split is not what a target is set for. */
  showsReferences?: boolean;
  /** Its rows are calendar months, so the notes on the charts are marked on them. */
  marksNotes?: boolean;
}

const monthLabel = (group: QualityMeasureGroup) => formatMonth(group.key);

const FRAMES: readonly BreakdownFrame[] = [
  {
    testId: 'quality-trend-frame',
    heading: 'By month of admission',
    subtitle: 'Every month from the first to the last with an episode in the denominator; whiskers are 95% intervals.',
    groupHeader: 'Month of admission',
    groupsOf: (detail) => detail.trend,
    labelOf: monthLabel,
    showsReferences: true,
    marksNotes: true,
  },
  {
    testId: 'quality-payer-frame',
    heading: 'By payer',
    subtitle: 'The measure among each payer’s episodes; whiskers are 95% intervals.',
    groupHeader: 'Payer',
    groupsOf: (detail) => detail.byPayer,
  },
];

const EMPTY_TABLE: FrameTable = { columns: [], rows: [] };

/**
 * The chosen measure in detail: its trend, its programs on a funnel plot, its split by payer and (not for payers) its
 * patients.
 */
@Component({
  selector: 'iop-measure-detail',
  imports: [ChartFrame, FunnelChart, IntervalBarChart, PatientList, ReferenceLine],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="detail" aria-labelledby="quality-detail-heading" data-testid="quality-detail">
      <h2 id="quality-detail-heading" class="detail-heading">{{ heading() }}</h2>
      @if (definition()) {
        <p class="detail-definition">{{ definition() }}.</p>
      }
      <div class="frame-grid">
        @for (frame of frames(); track frame.testId) {
          <iop-chart-frame
            class="frame-auto"
            [attr.data-testid]="frame.testId"
            [heading]="frame.heading"
            [subtitle]="frame.subtitle"
            [n]="n()"
            unit="episodes in the denominator"
            [table]="frame.table"
            [state]="state()"
            [errorMessage]="errorMessage()"
            [chartDescription]="frame.description"
            [annotations]="frame.markedNotes"
            (retry)="retry()"
          >
            @if (frame.notComparable; as notComparable) {
              <iop-reference-line [display]="notComparable" testId="quality-trend-no-benchmark" />
            }
            <iop-interval-bar-chart
              [bars]="frame.bars"
              [references]="frame.lines"
              [annotations]="frame.annotations"
              axisLabel="Rate (% of the denominator)"
            />
          </iop-chart-frame>
          <!-- The programs come second, after the trend: on a funnel, never as ranked bars. -->
          @if ($first) {
            <iop-chart-frame
              class="frame-auto"
              data-testid="quality-funnel-frame"
              [heading]="heading() + ': by program, funnel plot'"
              subtitle="Each program’s rate against its episodes in the denominator, with the 95% and 99.8% limits around the measure’s rate over the selection (exact binomial, Spiegelhalter 2005). A program outside the 99.8% limits is named beside the plot; programs are not ranked."
              [n]="funnel()?.n ?? null"
              unit="episodes in the denominator"
              [table]="funnel()?.table ?? emptyTable"
              [state]="state()"
              [errorMessage]="errorMessage()"
              [chartDescription]="funnel()?.description ?? ''"
              (retry)="retry()"
            >
              @if (funnel(); as display) {
                <iop-funnel-chart
                  [funnel]="display.funnel"
                  rateLabel="Rate (% of the denominator)"
                  denominatorName="episodes in the denominator"
                  unitsName="programs"
                />
              }
            </iop-chart-frame>
          }
        }
      </div>
      @if (canSeePatients()) {
        <iop-patient-list [measureId]="measureId()" [measureName]="heading()" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .detail {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .detail-heading {
      margin: 8px 0 0;
      font: var(--mat-sys-headline-small);
    }
    .detail-definition {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    // One frame a row: program names need the width a half-row chart does not leave them.
    .frame-grid {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    // One row per group: the chart is as tall as its rows, not the frame's default height.
    .frame-auto ::ng-deep .frame-chart {
      height: auto;
      min-height: 120px;
    }
  `,
})
export class MeasureDetail {
  readonly measureId = input.required<QualityMeasureId>();
  /** The measure's benchmark and the selected program's target, as its card shows them. */
  readonly references = input<MeasureReferences>({ benchmark: null, target: null });

  private readonly filters = inject(FilterState).filters;
  private readonly detailResource = inject(QualityApi).detail(this.filters, this.measureId);
  private readonly session = inject(AuthSession);
  protected readonly canSeePatients = computed(() => this.session.hasRole(PATIENT_LIST_ROLES));
  protected readonly state = frameStateOf(this.detailResource, (detail) => detail.trend.length === 0);
  protected readonly errorMessage = errorMessageOf(this.detailResource);
  /** Only while ready, so that no number of a previous measure or filter shows. */
  private readonly detail = computed(() => (this.state() === 'ready' ? this.detailResource.value() : undefined));

  protected readonly heading = computed(() => this.detail()?.measure.name ?? this.measureId());
  protected readonly definition = computed(() => this.detail()?.measure.definition ?? '');
  protected readonly n = computed(() => denominatorOf(this.detail()?.measure.rate));

  /** Notes on the charts for the filter's programs and window, as the overview asks; none while loading or failed. */
  private readonly annotations = inject(AnnotationsApi).chartNotes(this.filters);

  protected readonly emptyTable = EMPTY_TABLE;
  protected readonly funnel = computed(() => {
    const detail = this.detail();
    return detail ? toMeasureFunnelDisplay(detail.measure.name, detail.funnel) : undefined;
  });

  protected readonly frames = computed(() => {
    const detail = this.detail();
    const references = this.references();
    const annotations = this.annotations();
    return FRAMES.map((frame) => {
      const groups = detail ? frame.groupsOf(detail) : [];
      const bars = toGroupBars(groups, frame.labelOf);
      const notes = frame.marksNotes ? annotations : [];
      const markers = intervalBarMarkers(notes, bars);
      const table = detail ? toGroupTable(groups, frame.groupHeader, frame.labelOf) : EMPTY_TABLE;
      const benchmark = references.benchmark;
      return {
        lines: frame.showsReferences ? referenceLinesOf(references) : [],
        notComparable: frame.showsReferences && benchmark?.kind === 'not-comparable' ? benchmark : null,
        testId: frame.testId,
        heading: `${this.heading()}: ${frame.heading.toLowerCase()}`,
        subtitle: frame.subtitle,
        bars,
        annotations: notes,
        markedNotes: markers.map((marker) => marker.annotation),
        table: detail && frame.showsReferences ? withReferenceRows(table, references) : table,
        description: withAnnotations(
          describeGroups(`${this.heading()}, ${frame.heading.toLowerCase()}`, groups),
          markers,
        ),
      };
    });
  });

  protected retry(): void {
    this.detailResource.reload();
  }
}
