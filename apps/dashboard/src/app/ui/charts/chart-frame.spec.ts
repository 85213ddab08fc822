import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { Workbook } from 'exceljs';
import { ChartFrame, type FrameState } from './chart-frame';
import { FRAME_FILTER_WORDS } from './frame-filter-words';
import { FrameTable, toCsv } from './frame-table';
import { XLSX_MIME_TYPE } from './frame-workbook';

const TABLE: FrameTable = {
  columns: [
    { key: 'program', header: 'Program' },
    { key: 'episodes', header: 'Episodes', format: 'count' },
    { key: 'rate', header: 'Completion rate', format: 'rate' },
    { key: 'cost', header: 'Cost per episode', format: 'currency' },
  ],
  rows: [
    { program: 'Evening IOP, "North"', episodes: 1520, rate: 0.6234, cost: 4210.5 },
    { program: 'Outpatient', episodes: 12, rate: null, cost: 980 },
  ],
};

/** A page as pages will use the frame: a projected chart, state from a resource. */
@Component({
  imports: [ChartFrame],
  template: `
    <iop-chart-frame
      heading="Completion by program"
      subtitle="Discharged episodes"
      unit="episodes"
      definition="completion-rate"
      [n]="1532"
      [table]="table"
      [state]="state()"
      errorMessage="The API answered 500 Internal Server Error."
      (retry)="retries = retries + 1"
    >
      <svg data-testid="projected-chart" width="100" height="50"><rect width="10" height="10" /></svg>
    </iop-chart-frame>
  `,
})
class HostPage {
  readonly table = TABLE;
  readonly state = signal<FrameState>('ready');
  retries = 0;
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it as a browser would. */
function readBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob);
  });
}

/** jsdom's Blob has no text(); FileReader reads it as a browser would. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('ChartFrame', () => {
  let fixture: ComponentFixture<HostPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        // The page's filter in words, as the app's provider gives them (features/filters tests that one).
        { provide: FRAME_FILTER_WORDS, useValue: () => Promise.resolve(['Program: Evening IOP', 'Payer: Medicaid']) },
      ],
    });
    fixture = TestBed.createComponent(HostPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  async function setState(state: FrameState): Promise<void> {
    fixture.componentInstance.state.set(state);
    await fixture.whenStable();
  }
  const tableRows = () =>
    Array.from(element.querySelectorAll('[data-testid="frame-table"] tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );

  it('shows heading, subtitle, n, the definition link and the projected chart when ready', () => {
    expect(byTestId('frame-heading')?.textContent).toBe('Completion by program');
    expect(byTestId('frame-subtitle')?.textContent).toBe('Discharged episodes');
    expect(byTestId('frame-sample')?.textContent).toBe('n = 1,532 episodes');
    const link = byTestId('frame-definition') as HTMLAnchorElement;
    expect(link.textContent).toBe('How is this computed?');
    expect(link.getAttribute('href')).toBe('/definitions#completion-rate');
    const chart = byTestId('frame-chart');
    expect(chart?.hidden).toBe(false);
    expect(chart?.getAttribute('role')).toBe('img');
    expect(chart?.querySelector('[data-testid="projected-chart"]')).not.toBeNull();
    expect(element.querySelector('[role="figure"]')?.getAttribute('aria-labelledby')).toBe(
      byTestId('frame-heading')?.id,
    );
  });

  it('shows a loading skeleton, and no chart or downloads, while loading', async () => {
    await setState('loading');
    expect(byTestId('frame-loading')?.getAttribute('aria-busy')).toBe('true');
    expect(byTestId('frame-chart')?.hidden).toBe(true);
    expect(byTestId('frame-sample')).toBeNull();
    expect((byTestId('frame-download-csv') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId('frame-download-png') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says exactly that no episodes match when empty', async () => {
    await setState('empty');
    expect(byTestId('frame-empty')?.textContent).toBe('No episodes match these filters');
    expect(byTestId('frame-chart')?.hidden).toBe(true);
  });

  it('shows the error with a Retry button that emits retry', async () => {
    await setState('error');
    const error = byTestId('frame-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('Completion by program could not be loaded.');
    expect(error?.textContent).toContain('The API answered 500 Internal Server Error.');
    byTestId('frame-retry')?.click();
    expect(fixture.componentInstance.retries).toBe(1);
  });

  it('toggles between the chart and a table of the same rows, formatted', async () => {
    byTestId('frame-show-table')?.querySelector('button')?.click();
    await fixture.whenStable();
    expect(byTestId('frame-chart')?.hidden).toBe(true);
    expect(tableRows()).toEqual([
      ['Program', 'Episodes', 'Completion rate', 'Cost per episode'],
      ['Evening IOP, "North"', '1,520', '62.3%', '$4,211'],
      ['Outpatient', '12', '—', '$980'],
    ]);
    expect(element.querySelector('caption')?.textContent?.trim()).toBe('Completion by program, n = 1,532 episodes');

    byTestId('frame-show-chart')?.querySelector('button')?.click();
    await fixture.whenStable();
    expect(byTestId('frame-table')).toBeNull();
    expect(byTestId('frame-chart')?.hidden).toBe(false);
  });

  it('downloads a CSV with exactly the rows of the table, quoted where needed', async () => {
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('completion-by-program.csv');
    });

    byTestId('frame-download-csv')?.click();

    expect(click).toHaveBeenCalledTimes(1);
    const csv = (await readText(saved[0])).replace(/^\uFEFF/, '');
    expect(csv).toBe(toCsv(TABLE));
    const lines = csv.trimEnd().split('\n');
    expect(lines).toEqual([
      'Program,Episodes,Completion rate,Cost per episode',
      '"Evening IOP, ""North""",1520,0.6234,4210.5',
      'Outpatient,12,,980',
    ]);
    byTestId('frame-show-table')?.querySelector('button')?.click();
    await fixture.whenStable();
    expect(lines.length).toBe(tableRows().length);
    click.mockRestore();
  });

  it('downloads an XLSX of the table with the page’s filter in words', async () => {
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:xlsx';
      }),
      revokeObjectURL: jest.fn(),
    });
    const fileNames: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      fileNames.push(this.download);
    });

    const button = byTestId('frame-download-xlsx') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Download XLSX');
    button.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(fileNames).toEqual(['completion-by-program.xlsx']);
    expect(saved[0].type).toBe(XLSX_MIME_TYPE);
    const workbook = new Workbook();
    await workbook.xlsx.load(await readBytes(saved[0]));
    const data = workbook.getWorksheet('Data');
    expect(
      data
        ?.getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['Program', 'Episodes', 'Completion rate', 'Cost per episode'],
      ['Evening IOP, "North"', 1520, 0.6234, 4210.5],
      ['Outpatient', 12, undefined, 980],
    ]);
    const about = workbook.getWorksheet('About');
    const aboutRows = about
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(aboutRows?.slice(0, 6)).toEqual([
      ['Item', 'Value'],
      ['Title', 'Completion by program'],
      ['Subtitle', 'Discharged episodes'],
      ['n (episodes)', 1532],
      ['Filters', 'Program: Evening IOP'],
      [undefined, 'Payer: Medicaid'],
    ]);
    expect(about?.getCell('B8').value).toEqual({
      text: 'http://localhost/definitions#completion-rate',
      hyperlink: 'http://localhost/definitions#completion-rate',
    });
    expect(button.disabled).toBe(false);
    click.mockRestore();
  });
});
