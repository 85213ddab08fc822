import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { formatCount } from '../formats/number-format';
import { SERIES_COLORS } from './chart-panel';
import { atRiskAt, bandPath, type KmCurveInput, lastTime, linearScale, stepPath, timeTicks } from './km-geometry';

/** Room around the plot for the tick labels, the axis titles and the reference line's label. */
const MARGIN = { top: 24, right: 16, bottom: 48, left: 60 } as const;
const PLOT_HEIGHT = 240;
const DEFAULT_WIDTH = 640;
const SURVIVAL_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Past the palette's four colours a curve repeats a colour with another dash, so that no two look alike. */
const DASHES = ['', '7 4', '2 3'];

/** A curve ready to draw: its paths and how it looks. */
interface DrawnCurve {
  label: string;
  color: string;
  dash: string;
  line: string;
  band: string;
}

/**
 * Kaplan-Meier curves as step functions with their shaded 95% bands, a vertical reference line, a legend and the
 * number at risk under the time axis. Drawn by hand in SVG because ngx-charts has neither step curves with bands
 * nor reference lines; it follows its container's width, so it fits a phone as well as a wide screen.
 */
@Component({
  selector: 'iop-km-chart',
  templateUrl: './km-chart.html',
  styleUrl: './km-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KmChart {
  readonly curves = input.required<readonly KmCurveInput[]>();
  /** Where the vertical reference line stands on the time axis; null draws none. */
  readonly referenceDay = input<number | null>(null);
  readonly referenceLabel = input('');
  /** The time axis' title, with its unit, e.g. "Days since admission". */
  readonly timeLabel = input('Days');
  readonly valueLabel = input('Share still engaged (%)');
  /** The SVG's accessible name: what the curves show, in words. */
  readonly description = input.required<string>();
  readonly showAtRisk = input(true);

  protected readonly width = signal(DEFAULT_WIDTH);
  protected readonly margin = MARGIN;
  protected readonly height = PLOT_HEIGHT + MARGIN.top + MARGIN.bottom;
  protected readonly plotRight = computed(() => Math.max(this.width() - MARGIN.right, MARGIN.left + 1));
  protected readonly plotBottom = MARGIN.top + PLOT_HEIGHT;

  protected readonly xTicks = computed(() => timeTicks(lastTime(this.curves()), this.plotRight() - MARGIN.left));
  private readonly x = computed(() => linearScale([0, this.xTicks().max], [MARGIN.left, this.plotRight()]));
  private readonly y = linearScale([0, 1], [this.plotBottom, MARGIN.top]);

  protected readonly xTickMarks = computed(() =>
    this.xTicks().ticks.map((tick) => ({ value: tick, position: this.x()(tick) })),
  );
  protected readonly yTickMarks = SURVIVAL_TICKS.map((tick) => ({
    label: `${Math.round(tick * 100)}%`,
    position: this.y(tick),
  }));

  protected readonly drawn = computed<DrawnCurve[]>(() =>
    this.curves().map((curve, index) => ({
      label: curve.label,
      color: curve.color ?? SERIES_COLORS[index % SERIES_COLORS.length],
      dash: DASHES[Math.floor(index / SERIES_COLORS.length) % DASHES.length],
      line: stepPath(curve.steps, this.x(), this.y),
      band: bandPath(curve.steps, this.x(), this.y),
    })),
  );

  /** The reference line's position, when it falls on the axis. */
  protected readonly reference = computed(() => {
    const day = this.referenceDay();
    if (day === null || day < 0 || day > this.xTicks().max) return null;
    const position = this.x()(day);
    // The label sits to the right of the line unless that would leave the plot.
    const anchor = position > this.plotRight() - 80 ? 'end' : 'start';
    return { position, anchor, labelX: anchor === 'start' ? position + 4 : position - 4 };
  });

  /** Number at risk at each tick of the time axis, one row per curve. */
  protected readonly atRiskRows = computed(() =>
    this.curves().map((curve, index) => ({
      label: curve.label,
      color: this.drawn()[index].color,
      dash: this.drawn()[index].dash,
      counts: this.xTicks().ticks.map((tick) => formatCount(atRiskAt(curve.steps, tick))),
    })),
  );

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    // Browser only, after the first render: the host then has a width to measure.
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(([entry]) => {
        const measured = Math.floor(entry.contentRect.width);
        if (measured > 0) this.width.set(measured);
      });
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
