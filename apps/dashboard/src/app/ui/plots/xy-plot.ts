import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { approximateTextWidth, linearScale, niceDomain } from './plot-scale';
import { observeHostWidth } from './observe-width';

export interface XyPoint {
  x: number;
  y: number;
  /** The 95% interval of y, drawn as an error bar (points) or a band (lines and steps). */
  low?: number | null;
  high?: number | null;
}

export interface XySeries {
  name: string;
  /** Points with error bars (bin means), a straight line (fitted line), or a step curve (Kaplan-Meier). */
  kind: 'points' | 'line' | 'step';
  points: readonly XyPoint[];
  color: string;
  dashed?: boolean;
}

export interface XyPlotSpec {
  xLabel: string;
  yLabel: string;
  series: readonly XySeries[];
  /** A fixed y range (e.g. 0-1 for survival); otherwise the data's, rounded to ticks. */
  yDomain?: [number, number];
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
}

const HEIGHT = 280;
const MARGIN = { top: 8, right: 12, bottom: 44 } as const;
const LEGEND_ROW = 20;
const defaultFormat = (value: number) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(value);

interface LegendItem {
  name: string;
  color: string;
  dashed: boolean;
  x: number;
  y: number;
}

/** A numeric x-y plot drawn as plain SVG at the host's width: bin means with error bars, lines, step curves with bands. */
@Component({
  selector: 'iop-evidence-xy-plot',
  templateUrl: './xy-plot.html',
  styleUrl: './plot.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class XyPlot {
  readonly spec = input.required<XyPlotSpec>();
  protected readonly width = observeHostWidth();
  protected readonly height = HEIGHT;

  protected readonly legend = computed(() => {
    const items: LegendItem[] = [];
    let x = 0;
    let row = 0;
    for (const series of this.spec().series) {
      const itemWidth = 22 + approximateTextWidth(series.name) + 16;
      if (x > 0 && x + itemWidth > this.width() - 8) {
        row += 1;
        x = 0;
      }
      items.push({ name: series.name, color: series.color, dashed: !!series.dashed, x, y: row * LEGEND_ROW + 12 });
      x += itemWidth;
    }
    return { items, height: (row + 1) * LEGEND_ROW + 4 };
  });

  protected readonly layout = computed(() => {
    const spec = this.spec();
    const formatX = spec.formatX ?? defaultFormat;
    const formatY = spec.formatY ?? defaultFormat;
    const all = spec.series.flatMap((series) => series.points);
    const xs = niceDomain(all.map((point) => point.x));
    const ys = spec.yDomain
      ? { domain: spec.yDomain, ticks: niceDomain([...spec.yDomain]).ticks }
      : niceDomain(all.flatMap((point) => [point.y, point.low ?? point.y, point.high ?? point.y]));
    const yTickLabels = ys.ticks.map(formatY);
    const left = 28 + Math.max(...yTickLabels.map((label) => approximateTextWidth(label)));
    const top = this.legend().height + MARGIN.top;
    const x = linearScale(xs.domain, [left, this.width() - MARGIN.right]);
    const y = linearScale(ys.domain, [HEIGHT - MARGIN.bottom, top]);
    // Fewer x ticks on a phone, so that their labels never touch.
    const xEvery = Math.ceil((xs.ticks.length * 48) / Math.max(1, this.width() - left));
    return {
      left,
      top,
      bottom: HEIGHT - MARGIN.bottom,
      right: this.width() - MARGIN.right,
      xTicks: xs.ticks.filter((_, i) => i % xEvery === 0).map((value) => ({ at: x(value), label: formatX(value) })),
      yTicks: ys.ticks.map((value, i) => ({ at: y(value), label: yTickLabels[i] })),
      series: spec.series.map((series) => ({
        ...series,
        path: linePath(series, x, y),
        band: series.kind === 'points' ? '' : bandPath(series, x, y),
        marks:
          series.kind === 'points'
            ? series.points.map((point) => ({
                cx: x(point.x),
                cy: y(point.y),
                low: point.low === null || point.low === undefined ? null : y(point.low),
                high: point.high === null || point.high === undefined ? null : y(point.high),
              }))
            : [],
      })),
    };
  });
}

type Scale = (value: number) => number;

function linePath(series: XySeries, x: Scale, y: Scale): string {
  if (series.kind === 'points' || series.points.length === 0) return '';
  return series.points
    .map((point, i) => {
      const px = x(point.x).toFixed(1);
      const py = y(point.y).toFixed(1);
      if (i === 0) return `M${px},${py}`;
      // A step curve holds the previous value until the next time, then drops.
      return series.kind === 'step' ? `H${px}V${py}` : `L${px},${py}`;
    })
    .join('');
}

function bandPath(series: XySeries, x: Scale, y: Scale): string {
  const withBand = series.points.filter((point) => point.low != null && point.high != null);
  if (withBand.length < 2) return '';
  const upper: string[] = [];
  const lower: string[] = [];
  withBand.forEach((point, i) => {
    const px = x(point.x).toFixed(1);
    const next = withBand[i + 1];
    const end = series.kind === 'step' && next ? x(next.x).toFixed(1) : px;
    upper.push(`${px},${y(point.high as number).toFixed(1)}`, `${end},${y(point.high as number).toFixed(1)}`);
    lower.unshift(`${end},${y(point.low as number).toFixed(1)}`, `${px},${y(point.low as number).toFixed(1)}`);
  });
  return `M${[...upper, ...lower].join('L')}Z`;
}
