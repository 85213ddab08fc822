import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Annotation } from '@iop/contracts';
import { annotationMarkers, withAnnotations } from '../../ui/charts/chart-annotations';
import type { SparkPoint } from './kpi-trend';

export interface SparklineGeometry {
  /** SVG path of the series in a width x height box. */
  path: string;
  last: { x: number; y: number } | null;
  /** y of the reference line, or null when there is none. */
  floorY: number | null;
  /** y of each benchmark or target line, in the order given. */
  referenceYs: number[];
}

/** A benchmark or target drawn across the sparkline. */
export interface SparkReference {
  role: 'Benchmark' | 'Target';
  value: number;
}

const PADDING = 3;

/** Where the index-th of `count` points stands across a sparkline `width` wide. */
export function sparklineX(index: number, count: number, width: number): number {
  return count === 1 ? width / 2 : PADDING + (index * (width - 2 * PADDING)) / (count - 1);
}

/**
 * The sparkline's shape. The value axis spans the data (and the floor and references, so that they are always
 * inside the box): a sparkline shows the shape of the change, the card's number carries the level.
 */
export function sparklineGeometry(
  points: readonly SparkPoint[],
  width: number,
  height: number,
  floor: number | null = null,
  references: readonly number[] = [],
): SparklineGeometry {
  if (points.length === 0) return { path: '', last: null, floorY: null, referenceYs: [] };
  const values = points.map((point) => point.value);
  if (floor !== null) values.push(floor);
  values.push(...references);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (index: number) => sparklineX(index, points.length, width);
  const y = (value: number) => height - PADDING - ((value - min) * (height - 2 * PADDING)) / span;
  const round = (value: number) => Math.round(value * 10) / 10;
  const path = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${round(x(index))},${round(y(point.value))}`)
    .join(' ');
  const lastPoint = points[points.length - 1];
  return {
    path,
    last: { x: round(x(points.length - 1)), y: round(y(lastPoint.value)) },
    floorY: floor === null ? null : round(y(floor)),
    referenceYs: references.map((value) => round(y(value))),
  };
}

const WIDTH = 200;
const HEIGHT = 40;

/** A small line of a KPI's monthly values, with a text alternative for readers who cannot see it. */
@Component({
  selector: 'iop-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg
      class="sparkline"
      role="img"
      data-testid="sparkline"
      [attr.aria-label]="label()"
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      preserveAspectRatio="none"
    >
      @if (geometry().floorY; as floorY) {
        <line class="sparkline-floor" x1="0" [attr.x2]="width" [attr.y1]="floorY" [attr.y2]="floorY" />
      }
      @for (reference of references(); track reference.role; let index = $index) {
        <line
          [class]="'sparkline-reference sparkline-' + reference.role.toLowerCase()"
          [attr.data-testid]="'sparkline-' + reference.role.toLowerCase()"
          x1="0"
          [attr.x2]="width"
          [attr.y1]="geometry().referenceYs[index]"
          [attr.y2]="geometry().referenceYs[index]"
        />
      }
      @for (marker of annotationMarks(); track marker.number) {
        <line
          class="sparkline-annotation"
          data-testid="sparkline-annotation"
          [attr.x1]="marker.x"
          [attr.x2]="marker.x"
          y1="0"
          [attr.y2]="height"
        />
      }
      <path class="sparkline-line" [attr.d]="geometry().path" />
      @if (geometry().last; as last) {
        <circle class="sparkline-last" [attr.cx]="last.x" [attr.cy]="last.y" r="2.5" />
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
    }
    .sparkline {
      display: block;
      width: 100%;
      height: 40px;
      overflow: visible;
    }
    .sparkline-line {
      fill: none;
      stroke: var(--iop-sparkline-color, #3d7bd9);
      stroke-width: 2;
      vector-effect: non-scaling-stroke;
    }
    .sparkline-last {
      fill: var(--iop-sparkline-color, #3d7bd9);
    }
    .sparkline-reference {
      stroke-width: 1;
      vector-effect: non-scaling-stroke;
    }
    .sparkline-benchmark {
      stroke: var(--mat-sys-on-surface-variant);
      stroke-dasharray: 4 3;
    }
    .sparkline-target {
      stroke: #a86b00;
      stroke-dasharray: 1 2;
    }
    .sparkline-annotation {
      stroke: var(--mat-sys-tertiary);
      stroke-width: 1.5;
      stroke-dasharray: 3 2;
      vector-effect: non-scaling-stroke;
    }
    .sparkline-floor {
      stroke: var(--mat-sys-on-surface-variant);
      stroke-width: 1;
      stroke-dasharray: 4 3;
      vector-effect: non-scaling-stroke;
    }
  `,
})
export class Sparkline {
  readonly points = input.required<readonly SparkPoint[]>();
  /** The text alternative, read out instead of the drawing. */
  readonly description = input.required<string>();
  readonly floor = input<number | null>(null);
  /** Benchmark and target lines; the card names them in words beside the sparkline. */
  readonly references = input<readonly SparkReference[]>([]);
  /** Notes on the charts, marked on the months they touch and read out with the description. */
  readonly annotations = input<readonly Annotation[]>([]);

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  private readonly markers = computed(() =>
    annotationMarkers(
      this.annotations(),
      this.points().map((point) => point.period),
      (index, count) => sparklineX(index, count, WIDTH) / WIDTH,
    ),
  );
  protected readonly annotationMarks = computed(() =>
    this.markers().map((marker) => ({ number: marker.number, x: Math.round(marker.position * WIDTH * 10) / 10 })),
  );
  protected readonly label = computed(() => withAnnotations(this.description(), this.markers()));
  protected readonly geometry = computed(() =>
    sparklineGeometry(
      this.points(),
      WIDTH,
      HEIGHT,
      this.floor(),
      this.references().map((reference) => reference.value),
    ),
  );
}
