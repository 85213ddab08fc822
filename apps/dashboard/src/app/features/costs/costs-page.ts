import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { type CostSummaryResponse, numberOrNull } from '@iop/contracts';
import { CostsApi } from '../../data-access/api/costs-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import type { FrameState } from '../../ui/charts/chart-frame';
import type { FrameTable } from '../../ui/charts/frame-table';
import { ChartFrame } from '../../ui/charts/chart-frame';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { DataLoaded } from '../../ui/data-status/data-loaded';
import { formatCalendarDate } from '../../ui/formats/number-format';
import {
  countText,
  dollarYearText,
  hasDischarges,
  IOP_LEVEL,
  levelOfCareLabel,
  shortLevelLabel,
  STANDARD_OUTPATIENT_LEVEL,
} from './cost-format';
import {
  type BarGroup,
  blockOf,
  comparedDischarged,
  COMPARATOR_PER_WEEK_SERIES,
  costComparisonBars,
  costComparisonTable,
  exclusionText,
  headlineCosts,
  isCostSummaryEmpty,
  levelsWithDischarges,
  outcomeRateBars,
  outcomeRateLines,
  outcomeRateTable,
  perWeekComparisonBars,
} from './costs-display';
import {
  comparatorLines,
  comparatorOutcomeBars,
  comparatorOutcomeTable,
  comparatorSensitivityBars,
  comparatorTable,
  IOP_ACTUAL_SERIES,
  OUTCOME_COST_SERIES,
  SENSITIVITY_SERIES,
} from './comparator-display';
import { describeGroupedBars } from './describe-bars';
import { GroupedBarChart } from './grouped-bar-chart';
import { CostCard } from './cost-card';
import { IcerPanel } from './icer-panel';

/** What tells the comparison frames (per episode over the range, per week, per outcome) apart. */
interface PerDayFrame {
  testId: string;
  heading: string;
  subtitle: string;
  bars: BarGroup[];
  series: string[];
  table: FrameTable;
  description: string;
  valueAxisLabel: string;
}

/**
 * The payer's page: what IOP costs per episode and per outcome, against standard outpatient care (with the
 * ICER) and against inpatient and residential per-day rates. Every number comes from one server aggregate,
 * GET /api/v1/costs/summary, under the dashboard's filter.
 */
@Component({
  selector: 'iop-costs-page',
  imports: [ChartFrame, CostCard, DataLoaded, GroupedBarChart, IcerPanel, MatCard, MatCardContent],
  templateUrl: './costs-page.html',
  styleUrl: './costs-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CostsPage {
  /** When and from where the data was last loaded, stated after the as-of date. */
  protected readonly dataStatus = inject(DataStatusState).status;
  private readonly filterState = inject(FilterState);
  private readonly summaryResource = inject(CostsApi).summary(this.filterState.filters);

  protected readonly state = frameStateOf(this.summaryResource, isCostSummaryEmpty);
  protected readonly errorMessage = errorMessageOf(this.summaryResource);
  /** Only while ready, so that no number of a previous filter shows beside a skeleton. */
  protected readonly summary = computed<CostSummaryResponse | undefined>(() =>
    this.state() === 'ready' ? this.summaryResource.value() : undefined,
  );

  protected readonly dollarBasis = computed(() => dollarYearText(this.summary()?.dollarYear ?? null));
  /** Short enough for a phone's axis; the frame's subtitle says the charges are taken at face value. */
  protected readonly dollarAxisLabel = computed(() => {
    const year = this.summary()?.dollarYear;
    return year ? `${year} US dollars` : 'US dollars';
  });
  protected readonly asOfText = computed(() => {
    const asOf = this.summary()?.asOf;
    return asOf ? formatCalendarDate(asOf) : '';
  });
  protected readonly exclusion = computed(() => {
    const summary = this.summary();
    return summary ? exclusionText(summary) : '';
  });

  protected readonly iopBlock = computed(() => {
    const summary = this.summary();
    const block = summary ? blockOf(summary, IOP_LEVEL) : undefined;
    return block && hasDischarges(block) ? block : undefined;
  });
  protected readonly headlines = computed(() => {
    const block = this.iopBlock();
    return block ? headlineCosts(block) : [];
  });
  protected readonly iopLabel = levelOfCareLabel(IOP_LEVEL);
  protected readonly iopDischargedText = computed(() => countText(this.iopBlock()?.discharged ?? 0));
  /** The charts' n; null when withheld (a payer's small cell). */
  protected readonly iopDischargedN = computed(() => numberOrNull(this.iopBlock()?.discharged));
  protected readonly overallDischargedN = computed(() => numberOrNull(this.summary()?.overall?.discharged));

  protected readonly costArms = [shortLevelLabel(IOP_LEVEL), shortLevelLabel(STANDARD_OUTPATIENT_LEVEL)];
  protected readonly costBars = computed(() => this.mapped(costComparisonBars, []));
  protected readonly costTable = computed(() => this.mapped(costComparisonTable, { columns: [], rows: [] }));
  protected readonly costN = computed(() => this.mapped(comparedDischarged, null));
  protected readonly costDescription = computed(() =>
    describeGroupedBars('Cost per outcome, IOP against standard outpatient care', this.costBars(), 'currency'),
  );

  protected readonly outcomeLevels = computed(() =>
    this.mapped(levelsWithDischarges, []).map((block) => shortLevelLabel(block.levelOfCare)),
  );
  protected readonly outcomeBars = computed(() => this.mapped(outcomeRateBars, []));
  protected readonly outcomeLines = computed(() => this.mapped(outcomeRateLines, []));
  protected readonly outcomeTable = computed(() => this.mapped(outcomeRateTable, { columns: [], rows: [] }));
  protected readonly outcomeDescription = computed(() =>
    describeGroupedBars('Outcomes by level of care', this.outcomeBars(), 'percent'),
  );

  protected readonly hasPerDayComparisons = computed(() => (this.summary()?.perDayComparisons.length ?? 0) > 0);
  protected readonly perDayState = computed<FrameState>(() =>
    this.state() === 'ready' && !this.hasPerDayComparisons() ? 'empty' : this.state(),
  );
  /**
   * IOP against each comparator three ways: per episode over the comparator's published length-of-stay range, per
   * week, and per completer and abstinent patient (the comparator's from its published outcome rates).
   */
  protected readonly perDayFrames = computed<PerDayFrame[]>(() => {
    const sensitivityBars = this.mapped(comparatorSensitivityBars, []);
    const perWeekBars = this.mapped(perWeekComparisonBars, []);
    const outcomeBars = this.mapped(comparatorOutcomeBars, []);
    const table = this.mapped(comparatorTable, { columns: [], rows: [] });
    return [
      {
        testId: 'per-episode-frame',
        heading: 'IOP against inpatient and residential care: cost per episode',
        subtitle:
          "Comparator: rate per day × its own typical length of stay, and at the shortest and longest published stays (never the IOP episodes' days). " +
          `${this.dollarBasis()}.`,
        bars: sensitivityBars,
        series: SENSITIVITY_SERIES,
        table,
        description: describeGroupedBars(
          'Cost per episode, IOP against each comparator over its published length of stay',
          sensitivityBars,
          'currency',
        ),
        valueAxisLabel: `Per episode, ${this.dollarAxisLabel()}`,
      },
      {
        testId: 'per-week-frame',
        heading: 'IOP against inpatient and residential care: cost per week',
        subtitle: `Comparator: rate per day × 7. ${this.dollarBasis()}.`,
        bars: perWeekBars,
        series: [IOP_ACTUAL_SERIES, COMPARATOR_PER_WEEK_SERIES],
        table,
        description: describeGroupedBars('Cost per week, IOP against per-day rates', perWeekBars, 'currency'),
        valueAxisLabel: `Per week, ${this.dollarAxisLabel()}`,
      },
      {
        testId: 'per-outcome-frame',
        heading: 'IOP against inpatient and residential care: cost per outcome',
        subtitle:
          "IOP's from its own completers and abstinent patients; the comparator's from its published outcome rates. " +
          `${this.dollarBasis()}.`,
        bars: outcomeBars,
        series: OUTCOME_COST_SERIES,
        table: this.mapped(comparatorOutcomeTable, { columns: [], rows: [] }),
        description: describeGroupedBars('Cost per outcome, IOP against each comparator', outcomeBars, 'currency'),
        valueAxisLabel: `Per outcome, ${this.dollarAxisLabel()}`,
      },
    ];
  });
  protected readonly comparators = computed(() => this.mapped(comparatorLines, []));

  protected retry(): void {
    this.summaryResource.reload();
  }

  private mapped<T>(map: (summary: CostSummaryResponse) => T, fallback: T): T {
    const summary = this.summary();
    return summary ? map(summary) : fallback;
  }
}
