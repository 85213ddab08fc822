import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { approximateTextWidth } from './plot-scale';
import { observeHostWidth } from './observe-width';

export interface HeatmapCell {
  row: string;
  column: string;
  /** 0-1; null when there is nothing to shade. */
  value: number | null;
  text: string;
}

export interface HeatmapSpec {
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly HeatmapCell[];
  /** What the shade means, e.g. "attendance rate". */
  valueLabel: string;
}

// A single-hue blue ramp: readable for every kind of colour blindness. The text turns white only on the darkest
// shades, where white keeps 4.5:1; elsewhere near-black does.
const LIGHT = [222, 235, 247];
const DARK = [8, 69, 148];
const ROW_HEIGHT = 44;
const HEADER = 24;

/** The cell's shade between the ramp's ends, from the lowest to the highest value shown. */
export function shadeOf(value: number, min: number, max: number): { fill: string; text: string } {
  const t = max > min ? (value - min) / (max - min) : 0.5;
  const channel = (i: number) => Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * t);
  return { fill: `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`, text: t > 0.75 ? '#ffffff' : '#111111' };
}

/** A grid of shaded cells, each with its value written in it so that the shade is never the only cue. */
@Component({
  selector: 'iop-evidence-heatmap-plot',
  template: `
    @let plot = layout();
    <svg class="plot" [attr.width]="width()" [attr.height]="plot.height" aria-hidden="true" focusable="false">
      @for (column of plot.columns; track column.label) {
        <text class="plot-label" text-anchor="middle" [attr.x]="column.x + column.width / 2" y="16">
          {{ column.label }}
        </text>
      }
      @for (cell of plot.cells; track $index) {
        <rect
          [attr.x]="cell.x + 1"
          [attr.y]="cell.y + 1"
          [attr.width]="cell.width - 2"
          [attr.height]="cell.height - 2"
          [attr.fill]="cell.fill"
          rx="4"
        />
        <text
          class="cell-text"
          text-anchor="middle"
          [attr.fill]="cell.textColor"
          [attr.x]="cell.x + cell.width / 2"
          [attr.y]="cell.y + cell.height / 2 + 4"
        >
          {{ cell.text }}
        </text>
      }
      @for (row of plot.rows; track row.label) {
        <text class="plot-text" text-anchor="end" [attr.x]="plot.left - 8" [attr.y]="row.y + 26">{{ row.label }}</text>
      }
    </svg>
  `,
  styleUrl: './plot.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeatmapPlot {
  readonly spec = input.required<HeatmapSpec>();
  protected readonly width = observeHostWidth();

  protected readonly layout = computed(() => {
    const spec = this.spec();
    const left = Math.min(this.width() * 0.35, 12 + Math.max(...spec.rows.map((row) => approximateTextWidth(row))));
    const cellWidth = (this.width() - left) / Math.max(1, spec.columns.length);
    const values = spec.cells.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
    const [min, max] = [Math.min(...values), Math.max(...values)];
    return {
      left,
      height: HEADER + spec.rows.length * ROW_HEIGHT + 4,
      columns: spec.columns.map((label, i) => ({ label, x: left + i * cellWidth, width: cellWidth })),
      rows: spec.rows.map((label, i) => ({ label, y: HEADER + i * ROW_HEIGHT })),
      cells: spec.cells.map((cell) => {
        const shade =
          cell.value === null ? { fill: 'transparent', text: 'currentColor' } : shadeOf(cell.value, min, max);
        return {
          text: cell.text,
          x: left + spec.columns.indexOf(cell.column) * cellWidth,
          y: HEADER + spec.rows.indexOf(cell.row) * ROW_HEIGHT,
          width: cellWidth,
          height: ROW_HEIGHT,
          fill: shade.fill,
          textColor: shade.text,
        };
      }),
    };
  });
}
