import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Annotation } from '@iop/contracts';
import { SERIES_COLORS } from './chart-panel';
import { hostWidth } from './host-width';
import { intervalBarMarkers } from './interval-bar-annotations';

/** One bar of a sorted bar chart with its 95% interval. */
export interface IntervalBar {
  key: string;
  label: string;
  /** Null draws no bar (withheld or undefined); the text then says why. */
  value: number | null;
  ci: readonly [number, number] | null;
  text: string;
}

/** A benchmark or target drawn across the bars as a labelled vertical line. */
export interface IntervalReference {
  role: 'Benchmark' | 'Target';
  value: number;
  valueText: string;
}

/** Room above the first bar for the reference lines' labels. */
const REFERENCE_LABEL_HEIGHT = 18;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 16;
const TOP = 8;
const AXIS_HEIGHT = 52;
const VALUE_ROOM = 64;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** A note's numbered badge (as AnnotationOverlay draws it), the step between badges of one month, and their margin. */
const BADGE_WIDTH = 18;
const BADGE_HEIGHT = 16;
const BADGE_STEP = 22;
const BADGE_MARGIN = 6;

/**
 * Horizontal bars of proportions (0-100%) with their 95% intervals as whiskers, one row per bar in the order
 * given. Hand-drawn because ngx-charts has no error bars, and an interval is what makes two bars comparable.
 */
@Component({
  selector: 'iop-interval-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let layout = chart();
    <svg [attr.width]="layout.width" [attr.height]="layout.height" aria-hidden="true" data-testid="interval-chart-svg">
      @for (tick of layout.ticks; track tick.value) {
        <line class="grid" [attr.x1]="tick.x" [attr.x2]="tick.x" [attr.y1]="layout.top" [attr.y2]="layout.axisY" />
        <text class="axis-text" [attr.x]="tick.x" [attr.y]="layout.axisY + 16" text-anchor="middle">
          {{ tick.text }}
        </text>
      }
      <text
        class="axis-text axis-label"
        [attr.x]="layout.plotLeft + layout.plotWidth / 2"
        [attr.y]="layout.axisY + 40"
        text-anchor="middle"
      >
        {{ axisLabel() }}
      </text>
      @for (reference of layout.references; track reference.role) {
        <g [attr.data-testid]="'interval-reference-' + reference.role.toLowerCase()">
          <line
            [class]="'reference reference-' + reference.role.toLowerCase()"
            [attr.x1]="reference.x"
            [attr.x2]="reference.x"
            [attr.y1]="layout.top - 4"
            [attr.y2]="layout.axisY"
          />
          <text
            class="axis-text reference-text"
            [attr.x]="reference.x"
            [attr.y]="layout.top - 8"
            [attr.text-anchor]="reference.anchor"
          >
            {{ reference.label }}
          </text>
        </g>
      }
      @for (marker of layout.markers; track marker.number) {
        <g class="annotation-marker" data-testid="annotation-marker" [attr.data-period]="marker.period">
          <line
            class="annotation-line"
            [attr.x1]="layout.plotLeft"
            [attr.x2]="marker.lineEnd"
            [attr.y1]="marker.y"
            [attr.y2]="marker.y"
          />
          <rect
            class="annotation-badge"
            [attr.x]="marker.badgeX - badgeWidth / 2"
            [attr.y]="marker.badgeY - badgeHeight / 2"
            [attr.width]="badgeWidth"
            [attr.height]="badgeHeight"
            rx="8"
          />
          <text class="annotation-number" [attr.x]="marker.badgeX" [attr.y]="marker.badgeY + 4" text-anchor="middle">
            {{ marker.number }}
          </text>
        </g>
      }
      @for (bar of layout.bars; track bar.key) {
        <g data-testid="interval-bar">
          <title>{{ bar.description }}</title>
          <text class="axis-text" [attr.x]="layout.plotLeft - 8" [attr.y]="bar.y + 5" text-anchor="end">
            {{ bar.label }}
          </text>
          @if (bar.width !== null) {
            <rect
              [attr.x]="layout.plotLeft"
              [attr.y]="bar.y - barHeight / 2"
              [attr.width]="bar.width"
              [attr.height]="barHeight"
              [attr.fill]="color()"
            />
          }
          @if (bar.ciLow !== null && bar.ciHigh !== null) {
            <g class="whisker">
              <line [attr.x1]="bar.ciLow" [attr.x2]="bar.ciHigh" [attr.y1]="bar.y" [attr.y2]="bar.y" />
              <line [attr.x1]="bar.ciLow" [attr.x2]="bar.ciLow" [attr.y1]="bar.y - 6" [attr.y2]="bar.y + 6" />
              <line [attr.x1]="bar.ciHigh" [attr.x2]="bar.ciHigh" [attr.y1]="bar.y - 6" [attr.y2]="bar.y + 6" />
            </g>
          }
          <!-- The text is exactly the formatted value (tests compare it): no padding. -->
          <!-- prettier-ignore -->
          <text class="axis-text value-text" [attr.x]="bar.textX" [attr.y]="bar.y + 5" data-testid="interval-bar-value">{{ bar.text }}</text>
        </g>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      overflow: hidden;
    }
    .axis-text {
      fill: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    .value-text {
      font-variant-numeric: tabular-nums;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
    }
    .reference {
      stroke: var(--mat-sys-on-surface);
      stroke-width: 1.5;
      stroke-dasharray: 6 4;
    }
    .reference-target {
      stroke: #a86b00;
      stroke-dasharray: 2 3;
    }
    .reference-text {
      font: var(--mat-sys-body-small);
    }
    .whisker line {
      stroke: var(--mat-sys-on-surface);
      stroke-width: 1.5;
    }
    .annotation-line {
      stroke: var(--mat-sys-tertiary);
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    .annotation-badge {
      fill: var(--mat-sys-tertiary);
    }
    .annotation-number {
      fill: var(--mat-sys-on-tertiary);
      font: var(--mat-sys-label-small);
    }
  `,
})
export class IntervalBarChart {
  readonly bars = input.required<readonly IntervalBar[]>();
  /** The value axis's title with its unit, e.g. "Attendance rate (% of appointments)". */
  readonly axisLabel = input.required<string>();
  readonly color = input(SERIES_COLORS[0]);
  /** Benchmark and target lines, labelled with their value; their sources are in the table view. */
  readonly references = input<readonly IntervalReference[]>([]);
  /**
   * Notes on the charts (docs/ARCHITECTURE.md "Annotations"), marked on the months they touch when the rows are
   * calendar months (`intervalBarMarkers`); other rows carry none. The frame lists the same notes and the page reads
   * them out with its description.
   */
  readonly annotations = input<readonly Annotation[]>([]);

  private readonly width = hostWidth();
  protected readonly barHeight = BAR_HEIGHT;
  protected readonly badgeWidth = BADGE_WIDTH;
  protected readonly badgeHeight = BADGE_HEIGHT;
  private readonly markers = computed(() => intervalBarMarkers(this.annotations(), this.bars()));

  protected readonly chart = computed(() => {
    const width = Math.max(280, this.width());
    const bars = this.bars();
    // Names get the room their longest one needs (about 7px a character at the axis font), but never more than
    // a third of a narrow chart or 260px of a wide one; a name longer than that is cut with its full text kept
    // in the table view and the description.
    const longestName = Math.max(0, ...bars.map((bar) => bar.label.length));
    const plotLeft = Math.min(260, Math.round(width * 0.34), Math.max(60, longestName * 7 + 16));
    // The notes' badges stand right of the values, one column per note of the busiest month.
    const markers = this.markers();
    const badgeColumns = markers.length === 0 ? 0 : Math.max(...markers.map((marker) => marker.stack)) + 1;
    const badgeRoom = badgeColumns === 0 ? 0 : BADGE_MARGIN + badgeColumns * BADGE_STEP;
    const plotWidth = width - plotLeft - VALUE_ROOM - badgeRoom;
    const x = (value: number) => plotLeft + Math.min(1, Math.max(0, value)) * plotWidth;
    const references = this.references();
    const top = TOP + (references.length > 0 ? REFERENCE_LABEL_HEIGHT : 0);
    const axisY = top + bars.length * ROW_HEIGHT;
    return {
      width,
      height: axisY + AXIS_HEIGHT,
      plotLeft,
      plotWidth,
      top,
      axisY,
      references: references.map((reference) => ({
        role: reference.role,
        x: x(reference.value),
        label: `${reference.role} ${reference.valueText}`,
        // Two labels side by side: the left line's reads leftwards, the right one's rightwards, so they do not overlap.
        anchor:
          references.length > 1 && reference.value === Math.min(...references.map((each) => each.value))
            ? 'end'
            : 'start',
      })),
      // A note is marked by a dashed line along the top edge of its month's row (where the month begins) and its
      // badge level with the row.
      markers: markers.map((marker) => {
        const rowTop = top + bars.findIndex((bar) => bar.key === marker.period) * ROW_HEIGHT;
        const badgesLeft = width - badgeRoom + BADGE_MARGIN;
        return {
          number: marker.number,
          period: marker.period,
          y: rowTop,
          lineEnd: badgesLeft,
          badgeX: badgesLeft + marker.stack * BADGE_STEP + BADGE_STEP / 2,
          badgeY: rowTop + ROW_HEIGHT / 2,
        };
      }),
      ticks: TICKS.map((value) => ({ value, x: x(value), text: `${Math.round(value * 100)}%` })),
      bars: bars.map((bar, index) => {
        const ciHigh = bar.ci ? x(bar.ci[1]) : null;
        const end = Math.max(bar.value === null ? plotLeft : x(bar.value), ciHigh ?? 0);
        return {
          key: bar.key,
          label: bar.label,
          text: bar.text,
          y: top + index * ROW_HEIGHT + ROW_HEIGHT / 2,
          width: bar.value === null ? null : x(bar.value) - plotLeft,
          ciLow: bar.ci ? x(bar.ci[0]) : null,
          ciHigh,
          textX: end + 6,
          description: `${bar.label}: ${bar.text}${bar.ci ? `, 95% CI ${Math.round(bar.ci[0] * 1000) / 10}%–${Math.round(bar.ci[1] * 1000) / 10}%` : ''}`,
        };
      }),
    };
  });
}
