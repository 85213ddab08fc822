import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface LegendEntry {
  label: string;
  color: string;
}

/** The key of a chart's colours as themed HTML (ngx-charts' own legend paints its text in a fixed grey). */
@Component({
  selector: 'iop-chart-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" data-testid="chart-legend">
      @for (entry of entries(); track entry.label) {
        <li><span class="swatch" [style.background]="entry.color" aria-hidden="true"></span>{{ entry.label }}</li>
      }
    </ul>
  `,
  styles: `
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-inline-end: 6px;
      border-radius: 2px;
      vertical-align: -1px;
    }
  `,
})
export class ChartLegend {
  readonly entries = input.required<readonly LegendEntry[]>();
}

/** 0.25 -> "25%", for value axes of proportions. */
export function percentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}
