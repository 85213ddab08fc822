import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Annotation } from '@iop/contracts';
import { formatCount } from '../formats/number-format';
import { annotationTable, describeAnnotation } from './chart-annotations';
import { FRAME_FILTER_WORDS } from './frame-filter-words';
import { fileNameOf, formatCell, FrameTable, saveBlob, toCsv } from './frame-table';
import { toWorkbookSheets } from './frame-workbook';
import { chartSvgOf, svgToPngBlob } from './svg-export';
import { writeXlsx } from './xlsx-writer';

export type ChartFrameView = 'chart' | 'table';

/** What the frame shows: a skeleton, the chart, the empty note, or the error with a retry button. */
export type FrameState = 'loading' | 'ready' | 'empty' | 'error';

/** Shown whenever a page's filter selects no episode; the exact words are part of the design. */
export const EMPTY_FRAME_TEXT = 'No episodes match these filters';

let nextFrameId = 0;

/**
 * The frame every chart of the dashboard sits in: heading, n, a link to the metric's definition, a switch
 * to a data table with the same numbers (so that the chart can be read without seeing it: WCAG 1.1.1),
 * CSV, XLSX and PNG downloads, and the loading, empty and error states. The chart itself is projected, so any
 * ngx-charts chart fits; the table input is the source of the table view and of the CSV.
 */
@Component({
  selector: 'iop-chart-frame',
  imports: [MatButton, MatButtonToggle, MatButtonToggleGroup, MatCard, MatCardContent, RouterLink],
  templateUrl: './chart-frame.html',
  styleUrl: './chart-frame.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartFrame {
  readonly heading = input.required<string>();
  readonly subtitle = input('');
  /** The sample size the chart rests on, printed as "n = …"; null (or left out) prints nothing. */
  readonly n = input<number | null>(null);
  /** What n counts, e.g. "episodes". */
  readonly unit = input('');
  /** Anchor of the metric on the definitions page; the "How is this computed?" link appears when set. */
  readonly definition = input('');
  readonly table = input<FrameTable>({ columns: [], rows: [] });
  readonly state = input<FrameState>('ready');
  readonly errorMessage = input('');
  /** The chart's accessible name; by default the heading, pointing to the table for the values. */
  readonly chartDescription = input('');
  /**
   * Notes on the chart (docs/ARCHITECTURE.md "Annotations"), numbered 1, 2 ... in this order as the chart's markers
   * number them: listed under the chart, and as a second table in the table view.
   */
  readonly annotations = input<readonly Annotation[]>([]);
  readonly retry = output<void>();

  protected readonly view = signal<ChartFrameView>('chart');
  protected readonly headingId = `iop-chart-frame-${nextFrameId++}`;
  protected readonly formatCell = formatCell;
  /** Why the last PNG or XLSX download failed; empty when it did not. */
  protected readonly downloadError = signal('');
  protected readonly xlsxBusy = signal(false);

  protected readonly sampleText = computed(() => {
    const n = this.n();
    return n === null ? '' : `n = ${formatCount(n)}${this.unit() ? ` ${this.unit()}` : ''}`;
  });
  protected readonly caption = computed(() => [this.heading(), this.sampleText()].filter(Boolean).join(', '));
  protected readonly chartLabel = computed(
    () => this.chartDescription() || `${this.heading()}. The table view lists the values.`,
  );
  protected readonly canDownload = computed(() => this.state() === 'ready');
  protected readonly notes = computed(() => this.annotations().map(describeAnnotation));
  protected readonly notesTable = computed(() => annotationTable(this.annotations()));

  private readonly chartArea = viewChild<ElementRef<HTMLElement>>('chartArea');
  private readonly filterWords = inject(FRAME_FILTER_WORDS);

  protected showView(view: ChartFrameView): void {
    this.view.set(view);
  }

  protected downloadCsv(): void {
    // A byte-order mark so that Excel reads the file as UTF-8 (labels have en dashes and accents).
    const blob = new Blob(['\uFEFF', toCsv(this.table())], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, `${fileNameOf(this.heading())}.csv`);
  }

  /** The table as typed cells on a "Data" sheet, with title, n, filters and definition on an "About" sheet. */
  protected async downloadXlsx(): Promise<void> {
    this.downloadError.set('');
    this.xlsxBusy.set(true);
    try {
      const definition = this.definition();
      const sheets = toWorkbookSheets(this.table(), {
        title: this.heading(),
        subtitle: this.subtitle(),
        n: this.n(),
        unit: this.unit(),
        filters: await this.filterWords(),
        generatedAt: new Date(),
        definitionUrl: definition ? new URL(`definitions#${definition}`, document.baseURI).href : null,
      });
      saveBlob(await writeXlsx(sheets), `${fileNameOf(this.heading())}.xlsx`);
    } catch (error) {
      this.downloadError.set(error instanceof Error ? error.message : 'The table could not be saved as a spreadsheet.');
    } finally {
      this.xlsxBusy.set(false);
    }
  }

  protected async downloadPng(): Promise<void> {
    this.downloadError.set('');
    const area = this.chartArea()?.nativeElement;
    const svg = area ? chartSvgOf(area) : null;
    if (!area || !svg) {
      this.downloadError.set('Switch to the chart view to download it as an image.');
      return;
    }
    try {
      const background = getComputedStyle(area).getPropertyValue('--mat-sys-surface');
      const blob = await svgToPngBlob(svg, background.trim() || '#ffffff');
      saveBlob(blob, `${fileNameOf(this.heading())}.png`);
    } catch (error) {
      this.downloadError.set(error instanceof Error ? error.message : 'The chart could not be saved as an image.');
    }
  }
}
