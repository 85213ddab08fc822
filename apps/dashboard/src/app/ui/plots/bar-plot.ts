import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { approximateTextWidth, linearScale, niceDomain } from './plot-scale';
import { observeHostWidth } from './observe-width';

export interface BarRow {
  label: string;
  /** null: nothing to draw (no episodes, or a withheld value); `valueText` says why. */
  value: number | null;
  low?: number | null;
  high?: number | null;
  color: string;
  valueText: string;
}

export interface BarPlotSpec {
  valueLabel: string;
  rows: readonly BarRow[];
  formatValue: (value: number) => string;
}

const ROW_HEIGHT = 30;
const MARGIN = { top: 4, right: 12, bottom: 40 } as const;

/** Horizontal bars from zero with their 95% interval as a whisker and the value written beside each bar. */
@Component({
  selector: 'iop-evidence-bar-plot',
  templateUrl: './bar-plot.html',
  styleUrl: './plot.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarPlot {
  readonly spec = input.required<BarPlotSpec>();
  protected readonly width = observeHostWidth();

  protected readonly layout = computed(() => {
    const spec = this.spec();
    const width = this.width();
    const labelWidth = Math.min(width * 0.4, 12 + Math.max(...spec.rows.map((row) => approximateTextWidth(row.label))));
    const valueWidth = 8 + Math.max(...spec.rows.map((row) => approximateTextWidth(row.valueText)));
    const values = spec.rows.flatMap((row) => [row.value ?? 0, row.low ?? 0, row.high ?? 0]);
    const { domain, ticks } = niceDomain(values, true);
    const left = labelWidth;
    const right = Math.max(left + 40, width - MARGIN.right - Math.min(valueWidth, width * 0.35));
    const x = linearScale(domain, [left, right]);
    const height = MARGIN.top + spec.rows.length * ROW_HEIGHT + MARGIN.bottom;
    const bottom = height - MARGIN.bottom;
    const every = Math.ceil((ticks.length * 56) / Math.max(1, right - left));
    return {
      height,
      left,
      right,
      bottom,
      zero: x(0),
      ticks: ticks.filter((_, i) => i % every === 0).map((value) => ({ at: x(value), label: spec.formatValue(value) })),
      rows: spec.rows.map((row, i) => {
        const top = MARGIN.top + i * ROW_HEIGHT;
        // Bars grow from zero, to the left for a negative value (a slope below zero, say).
        const zero = x(0);
        const end = row.value === null ? zero : x(row.value);
        return {
          ...row,
          y: top + 5,
          middle: top + ROW_HEIGHT / 2,
          barX: Math.min(zero, end),
          barWidth: Math.abs(end - zero),
          low: row.low == null ? null : x(row.low),
          high: row.high == null ? null : x(row.high),
          textX: Math.max(end, row.high == null ? end : x(row.high)) + 6,
        };
      }),
    };
  });
}
