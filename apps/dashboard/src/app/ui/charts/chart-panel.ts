import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import {
  MatFooterCell,
  MatFooterCellDef,
  MatFooterRow,
  MatFooterRowDef,
  MatTableModule,
} from '@angular/material/table';
import { BarChartModule } from '@swimlane/ngx-charts';
import { formatCount } from '../formats/number-format';
import { ChartDatum } from './chart-datum';
import { seriesScheme } from './series-scheme';

export type ChartPanelView = 'chart' | 'table';

/**
 * Series colours chosen for at least 3:1 contrast against both the light and the dark surface
 * (WCAG 1.4.11) and to stay apart for red-green colour-blind readers (blue, orange, then teal, purple,
 * ochre, magenta).
 */
export const SERIES_COLORS: readonly string[] = ['#3d7bd9', '#d9480f', '#1b8a5a', '#8e5cd9', '#a86b00', '#c2408a'];

let nextPanelId = 0;

/**
 * A titled chart with its n and a switch to a data table holding the same numbers, so that every
 * chart can be read without seeing it (WCAG 1.1.1). Bars only for now; other chart kinds
 * join here when a page needs them, behind the same inputs.
 */
@Component({
  selector: 'iop-chart-panel',
  imports: [
    BarChartModule,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatTableModule,
    MatFooterCell,
    MatFooterCellDef,
    MatFooterRow,
    MatFooterRowDef,
  ],
  templateUrl: './chart-panel.html',
  styleUrl: './chart-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartPanel {
  readonly heading = input.required<string>();
  readonly data = input.required<readonly ChartDatum[]>();
  /** The sample size the chart rests on, printed as "n = …". */
  readonly n = input.required<number>();
  /** What n counts, e.g. "appointments". */
  readonly unit = input('');
  readonly categoryHeader = input('Category');
  readonly valueHeader = input('Count');
  readonly orientation = input<'horizontal' | 'vertical'>('horizontal');
  readonly initialView = input<ChartPanelView>('chart');

  private readonly chosenView = signal<ChartPanelView | null>(null);
  protected readonly view = computed(() => this.chosenView() ?? this.initialView());

  protected readonly headingId = `iop-chart-panel-${nextPanelId++}`;
  protected readonly formatCount = formatCount;
  protected readonly sampleText = computed(() => `n = ${formatCount(this.n())}${this.unit() ? ` ${this.unit()}` : ''}`);
  protected readonly total = computed(() => this.data().reduce((sum, datum) => sum + datum.value, 0));
  /** ngx-charts mutates what it is given, so it gets copies rather than the caller's objects. */
  protected readonly chartResults = computed(() => this.data().map((datum) => ({ ...datum })));
  /** The chart's accessible name reads out every bar, since the SVG itself says nothing useful. */
  protected readonly chartDescription = computed(
    () =>
      `${this.heading()}: ${this.data()
        .map((datum) => `${datum.name} ${formatCount(datum.value)}`)
        .join(', ')}`,
  );
  protected readonly colorScheme = seriesScheme('iop-series', SERIES_COLORS);
  protected readonly columns = ['name', 'value'];

  protected showView(view: ChartPanelView): void {
    this.chosenView.set(view);
  }
}
