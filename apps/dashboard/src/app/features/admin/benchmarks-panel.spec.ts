import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Benchmark } from '@iop/contracts';
import { BENCHMARKS_PATHS, BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { SEEDED_BENCHMARKS } from '../../ui/benchmarks/testing/benchmark-fixture';
import { BenchmarksPanel } from './benchmarks-panel';

const [COMPLETION, COST_PER_WEEK, HOURS, FUI_7] = SEEDED_BENCHMARKS;

describe('BenchmarksPanel', () => {
  let fixture: ComponentFixture<BenchmarksPanel>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element().querySelector<T>(`[data-testid="${id}"]`);
  const rows = () =>
    Array.from(element().querySelectorAll('[data-testid="benchmark-row"]')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 5)
        .map((cell) => cell.textContent?.trim()),
    );
  const rowButton = (row: number, testId: string) =>
    element()
      .querySelectorAll('[data-testid="benchmark-row"]')
      [row].querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  const type = (testId: string, value: string) => {
    const input = byTestId<HTMLInputElement>(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  /** The errors Material shows under the form's fields, in the form's order. */
  const fieldErrors = () =>
    Array.from(element().querySelectorAll('mat-error')).map((error) => error.textContent?.trim());
  /** Lets promises and change detection run without waiting for the request a step has just sent. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const click = async (button: HTMLElement | null) => {
    button?.click();
    await settle();
  };
  const answerList = async (benchmarks: Benchmark[]) => {
    http.expectOne({ method: 'GET', url: BENCHMARKS_PATHS.list }).flush({ benchmarks });
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideSignedInUser(testUser('admin')),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BenchmarksPanel);
    TestBed.tick();
    await answerList(SEEDED_BENCHMARKS);
  });

  afterEach(() => http.verify());

  it('lists every benchmark with its value as the cards show it, its source, year and comparability', () => {
    expect(rows()).toEqual([
      ['Completion rate', '37.7%', COMPLETION.source, '2004', 'Comparable'],
      ['Cost per week in treatment', '$462', COST_PER_WEEK.source, '2001', 'Comparable'],
      ['Attended hours per week', '9 h', HOURS.source, '2013', 'Comparable'],
      [
        'Follow-up within 7 days of residential or inpatient discharge',
        '—',
        FUI_7.source,
        '2022',
        FUI_7.notComparableReason,
      ],
      expect.arrayContaining(['Follow-up within 30 days of residential or inpatient discharge', '—']),
      expect.arrayContaining(['Follow-up within 30 days of residential or inpatient discharge', '49.0%']),
    ]);
  });

  it('edits a value typed as a percentage, saves the proportion, and reloads the list the cards read', async () => {
    await click(rowButton(0, 'benchmark-edit'));
    expect(byTestId<HTMLInputElement>('benchmark-value')?.value).toBe('37.68');
    expect(byTestId<HTMLTextAreaElement>('benchmark-source')?.value).toBe(COMPLETION.source);
    type('benchmark-value', '41.5');
    await click(byTestId('benchmark-save'));

    const request = http.expectOne({ method: 'PUT', url: BENCHMARKS_PATHS.benchmark(COMPLETION.id) });
    expect(request.request.body).toEqual({
      metric: 'completionRate',
      value: 0.415,
      direction: 'higher',
      source: COMPLETION.source,
      year: 2004,
      comparable: true,
      notComparableReason: null,
    });
    const changed: Benchmark = { ...COMPLETION, value: 0.415, updatedBy: 'admin@test.local' };
    request.flush(changed);
    await settle();
    await answerList([changed, ...SEEDED_BENCHMARKS.slice(1)]);

    expect(byTestId('benchmarks-notice')?.textContent).toBe('Saved the benchmark for Completion rate (2004).');
    expect(byTestId('benchmark-form')).toBeNull();
    expect(rows()[0].slice(0, 2)).toEqual(['Completion rate', '41.5%']);
    // The KPI and quality cards read this same list.
    expect(TestBed.inject(BenchmarksApi).benchmarks()[0].value).toBe(0.415);
  });

  it('adds a benchmark that is not comparable: a reason is required, the value may stay empty', async () => {
    await click(byTestId('benchmark-new'));
    const metric = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="benchmark-metric"]' }),
    );
    await metric.open();
    await metric.clickOptions({ text: 'Readmitted within 30 days' });
    type('benchmark-year', '2019');
    type('benchmark-source', 'A published readmission rate');
    const comparable = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatCheckboxHarness);
    await comparable.uncheck();
    await click(byTestId('benchmark-save'));
    http.expectNone(BENCHMARKS_PATHS.list);
    expect(fieldErrors()).toEqual(['Say why (at most 1,000 characters).']);

    type('benchmark-reason', 'Counts every discharge, not admitted episodes.');
    await click(byTestId('benchmark-save'));
    const request = http.expectOne({ method: 'POST', url: BENCHMARKS_PATHS.list });
    expect(request.request.body).toEqual({
      metric: 'readmitted30',
      value: null,
      // A readmission is better low: a new benchmark takes the metric's usual direction.
      direction: 'lower',
      source: 'A published readmission rate',
      year: 2019,
      comparable: false,
      notComparableReason: 'Counts every discharge, not admitted episodes.',
    });
    request.flush({ ...FUI_7, id: 9, metric: 'readmitted30', year: 2019 });
    await settle();
    await answerList(SEEDED_BENCHMARKS);
    expect(byTestId('benchmarks-notice')?.textContent).toBe(
      'Added the benchmark for Readmitted within 30 days (2019).',
    );
  });

  it("shows the API's refusal under the fields it names, and the rest above the buttons", async () => {
    await click(rowButton(1, 'benchmark-edit'));
    type('benchmark-source', 'x');
    await click(byTestId('benchmark-save'));
    http.expectOne({ method: 'PUT', url: BENCHMARKS_PATHS.benchmark(COST_PER_WEEK.id) }).flush(
      {
        message: [
          'value must be a finite number of at least 0, in the metric’s unit',
          'source must name where the figure comes from (1-2000 characters)',
          'property extra should not exist',
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(fieldErrors()).toEqual([
      'value must be a finite number of at least 0, in the metric’s unit',
      'source must name where the figure comes from (1-2000 characters)',
    ]);
    expect(byTestId('benchmark-form-problem')?.textContent).toBe('property extra should not exist');

    // A changed field no longer carries the refusal of what was sent before.
    type('benchmark-source', 'DATCAP');
    await settle();
    expect(fieldErrors()).toEqual(['value must be a finite number of at least 0, in the metric’s unit']);
  });

  it('deletes a benchmark after a second click, and reloads the list', async () => {
    await click(rowButton(2, 'benchmark-delete'));
    http.expectNone({ method: 'DELETE' });
    await click(rowButton(2, 'benchmark-confirm-delete'));
    http.expectOne({ method: 'DELETE', url: BENCHMARKS_PATHS.benchmark(HOURS.id) }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await settle();
    await answerList(SEEDED_BENCHMARKS.filter((benchmark) => benchmark.id !== HOURS.id));
    expect(byTestId('benchmarks-notice')?.textContent).toBe(
      'Deleted the benchmark for Attended hours per week (2013).',
    );
    expect(rows().map((row) => row[0])).not.toContain('Attended hours per week');
  });
});
