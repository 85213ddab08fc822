import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export interface LegendEntry {
  label: string;
  color: string;
}

/**
 * The key of a chart's colours as themed HTML: ngx-charts' own legend paints its text in a fixed grey, its
 * entries are not keyboard-reachable and it takes the width a phone does not have.
 */
@Component({
  selector: 'iop-chart-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul
      class="legend"
      [class.legend-above]="placement() === 'above'"
      [attr.aria-hidden]="decorative() ? 'true' : null"
      [attr.data-testid]="testId()"
    >
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
    // Above a plot in a frame of fixed height every line of legend is taken from the plot: smaller type.
    .legend-above {
      margin: 0 0 4px;
      font: var(--mat-sys-body-small);
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
  readonly placement = input<'above' | 'below'>('below');
  /** Hidden from screen readers where the chart's description already names every series. */
  readonly decorative = input(false);
  /** Stable hook for the tests. */
  readonly testId = input('chart-legend');
}
