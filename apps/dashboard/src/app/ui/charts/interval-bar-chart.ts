import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { SERIES_COLORS } from './chart-panel';
import { hostWidth } from './host-width';

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
  `,
})
export class IntervalBarChart {
  readonly bars = input.required<readonly IntervalBar[]>();
  /** The value axis's title with its unit, e.g. "Attendance rate (% of appointments)". */
  readonly axisLabel = input.required<string>();
  readonly color = input(SERIES_COLORS[0]);
  /** Benchmark and target lines, labelled with their value; their sources are in the table view. */
  readonly references = input<readonly IntervalReference[]>([]);

  private readonly width = hostWidth();
  protected readonly barHeight = BAR_HEIGHT;

  protected readonly chart = computed(() => {
    const width = Math.max(280, this.width());
    const bars = this.bars();
    // Names get the room their longest one needs (about 7px a character at the axis font), but never more than
    // a third of a narrow chart or 260px of a wide one; a name longer than that is cut with its full text kept
    // in the table view and the description.
    const longestName = Math.max(0, ...bars.map((bar) => bar.label.length));
    const plotLeft = Math.min(260, Math.round(width * 0.34), Math.max(60, longestName * 7 + 16));
    const plotWidth = width - plotLeft - VALUE_ROOM;
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
