import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatPercent } from '../../ui/formats/number-format';
import { DAY_PART_SHORT_LABELS, HEAT_SCALE, heatColor, type HeatmapDisplay } from './heatmap-display';
import { hostWidth } from '../../ui/charts/host-width';

const LABEL_WIDTH = 96;
const HEADER_HEIGHT = 28;
const ROW_HEIGHT = 36;
const LEGEND_HEIGHT = 48;

/**
 * Attendance rate per weekday (rows) and part of the day (columns), each cell coloured on a single-hue
 * scale and printing its rate, so that the colour is never the only carrier of the number.
 */
@Component({
  selector: 'iop-attendance-heatmap',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let layout = grid();
    <svg [attr.width]="layout.width" [attr.height]="layout.height" data-testid="heatmap-svg" aria-hidden="true">
      @for (column of layout.columns; track column.key) {
        <text class="axis-text" [attr.x]="column.center" [attr.y]="18" text-anchor="middle">{{ column.label }}</text>
      }
      @for (row of layout.rows; track row.key) {
        <text class="axis-text" [attr.x]="0" [attr.y]="row.y + rowHeight / 2 + 5">{{ row.label }}</text>
        @for (cell of row.cells; track cell.key) {
          <g data-testid="heatmap-cell">
            <title>{{ cell.description }}</title>
            <rect
              class="cell"
              [class.cell-empty]="!cell.fill"
              [attr.x]="cell.x + 1"
              [attr.y]="row.y + 1"
              [attr.width]="layout.cellWidth - 2"
              [attr.height]="rowHeight - 2"
              [attr.fill]="cell.fill"
              rx="3"
            />
            <!-- prettier-ignore -->
            <text class="cell-text" [class.axis-text]="!cell.fill" [attr.x]="cell.x + layout.cellWidth / 2" [attr.y]="row.y + rowHeight / 2 + 5" [attr.fill]="cell.textColor" text-anchor="middle">{{ cell.text }}</text>
          </g>
        }
      }
      <g [attr.transform]="'translate(0,' + layout.legendY + ')'">
        <text class="axis-text legend-title" x="0" y="0">Colour scale: attendance rate</text>
        @for (stop of legendStops; track $index) {
          <rect
            [attr.x]="($index * layout.legendWidth) / legendStops.length"
            y="8"
            [attr.width]="layout.legendWidth / legendStops.length + 0.5"
            height="12"
            [attr.fill]="stop"
          />
        }
        <text class="axis-text" x="0" y="36">{{ layout.lowText }}</text>
        <text class="axis-text" [attr.x]="layout.legendWidth" y="36" text-anchor="end">{{ layout.highText }}</text>
      </g>
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
    .cell-text {
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
    }
    .cell-empty {
      fill: var(--mat-sys-surface-container-high);
      stroke: var(--mat-sys-outline-variant);
    }
  `,
})
export class AttendanceHeatmap {
  readonly display = input.required<HeatmapDisplay>();

  private readonly width = hostWidth();
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly legendStops = HEAT_SCALE;

  protected readonly grid = computed(() => {
    const display = this.display();
    const width = Math.max(280, this.width());
    const dayParts = display.rows[0]?.cells.map((cell) => cell.dayPart) ?? [];
    const cellWidth = (width - LABEL_WIDTH) / Math.max(1, dayParts.length);
    const domain = display.domain;
    const legendY = HEADER_HEIGHT + display.rows.length * ROW_HEIGHT + 20;
    return {
      width,
      height: legendY + LEGEND_HEIGHT,
      cellWidth,
      legendY,
      legendWidth: Math.min(320, width),
      lowText: domain ? `${formatPercent(domain[0])} (lowest)` : '',
      highText: domain ? `${formatPercent(domain[1])} (highest)` : '',
      columns: dayParts.map((dayPart, index) => ({
        key: dayPart,
        label: DAY_PART_SHORT_LABELS[dayPart],
        center: LABEL_WIDTH + cellWidth * (index + 0.5),
      })),
      rows: display.rows.map((row, rowIndex) => ({
        key: row.weekday,
        label: row.label,
        y: HEADER_HEIGHT + rowIndex * ROW_HEIGHT,
        cells: row.cells.map((cell, index) => {
          const color = cell.rate !== null && domain ? heatColor(cell.rate, domain) : null;
          return {
            key: cell.dayPart,
            x: LABEL_WIDTH + cellWidth * index,
            fill: color?.fill ?? null,
            textColor: color?.text ?? null,
            text: cell.text,
            description: cell.description,
          };
        }),
      })),
    };
  });
}
