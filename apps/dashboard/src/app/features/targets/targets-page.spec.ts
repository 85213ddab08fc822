import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { FilterOptionsResponse, ProgramTarget } from '@iop/contracts';
import { BENCHMARKS_PATHS } from '../../data-access/api/benchmarks-api';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { PROGRAM_3_TARGETS, SEEDED_BENCHMARKS } from '../../ui/benchmarks/testing/benchmark-fixture';
import { TargetsPage } from './targets-page';

const OPTIONS = {
  programs: [
    { id: 3, name: 'Evening IOP' },
    { id: 4, name: 'Day IOP' },
  ],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
  admitDateRange: { from: null, to: null },
} satisfies FilterOptionsResponse;

describe('TargetsPage', () => {
  let fixture: ComponentFixture<TargetsPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element().querySelector<T>(`[data-testid="${id}"]`);
  const rowOf = (label: string) =>
    Array.from(element().querySelectorAll('[data-testid="target-row"]')).find(
      (row) => row.querySelector('th')?.textContent?.trim() === label,
    );
  /** Metric, page, benchmark, target and who set it: the table as a sighted reader sees it. */
  const cellsOf = (label: string) =>
    Array.from(rowOf(label)?.querySelectorAll('th, td') ?? [])
      .slice(0, 5)
      .map((cell) => cell.textContent?.trim());
  const buttonOf = (label: string, testId: string) =>
    rowOf(label)?.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`) ?? null;
  const type = (testId: string, value: string) => {
    const input = byTestId<HTMLInputElement>(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  /** Lets promises and change detection run without waiting for the request a step has just sent. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const click = async (button: HTMLElement | null) => {
    button?.click();
    await settle();
  };
  const answerTargets = async (programId: number, targets: ProgramTarget[]) => {
    http.expectOne({ method: 'GET', url: BENCHMARKS_PATHS.targets(programId) }).flush({ programId, targets });
    await fixture.whenStable();
  };

  async function open(url = '/', firstProgram = 3, targets = PROGRAM_3_TARGETS): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        provideSignedInUser({ ...testUser('director'), programIds: [3, 4] }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(TargetsPage);
    TestBed.tick();
    http.expectOne(FILTERS_PATHS.options).flush(OPTIONS);
    await settle();
    http.expectOne(BENCHMARKS_PATHS.list).flush({ benchmarks: SEEDED_BENCHMARKS });
    await answerTargets(firstProgram, targets);
  }

  afterEach(() => http.verify());

  it("lists the first program's targets beside every metric a page draws one for, with the benchmark", async () => {
    await open();
    expect(cellsOf('Completion rate')).toEqual([
      'Completion rate',
      'Overview',
      '37.7% (2004)',
      '40.0%, higher is better',
      'director@test.local',
    ]);
    expect(cellsOf('Readmitted within 30 days')).toEqual([
      'Readmitted within 30 days',
      'Overview',
      '—',
      '8.0%, lower is better',
      'director@test.local',
    ]);
    expect(cellsOf('Attended hours per week')).toEqual([
      'Attended hours per week',
      'Overview',
      '9 h (2013)',
      'No target',
      '—',
    ]);
    expect(cellsOf('Follow-up within 7 days of residential or inpatient discharge')).toEqual([
      'Follow-up within 7 days of residential or inpatient discharge',
      'Quality measures',
      'Not comparable (2022)',
      'No target',
      '—',
    ]);
    // Seven Overview cards (not the counts) and six quality measures.
    expect(element().querySelectorAll('[data-testid="target-row"]')).toHaveLength(13);
    expect(buttonOf('Attended hours per week', 'target-clear')).toBeNull();
    expect(byTestId('targets-overview')?.getAttribute('href')).toBe('/overview?programId=3');
  });

  it('sets a target typed as a percentage, sends the proportion, and loads the targets again', async () => {
    await open();
    await click(buttonOf('Attendance rate', 'target-edit'));
    expect(byTestId('target-form')?.querySelector('h3')?.textContent).toBe('Attendance rate: Evening IOP’s target');
    type('target-value', '85');
    await click(byTestId('target-save'));

    const request = http.expectOne({ method: 'PUT', url: BENCHMARKS_PATHS.target(3, 'attendanceRate') });
    expect(request.request.body).toEqual({ value: 0.85, direction: 'higher' });
    const set: ProgramTarget = {
      programId: 3,
      metric: 'attendanceRate',
      value: 0.85,
      direction: 'higher',
      setBy: 'director@test.local',
      setAt: '2026-12-07T10:00:00.000Z',
    };
    request.flush(set);
    await settle();
    await answerTargets(3, [...PROGRAM_3_TARGETS, set]);
    expect(byTestId('targets-notice')?.textContent).toBe('Set Evening IOP’s target for Attendance rate.');
    expect(byTestId('target-form')).toBeNull();
    expect(cellsOf('Attendance rate')[3]).toBe('85.0%, higher is better');
  });

  it("changes a target starting from its value and direction, and shows the API's refusal under the field", async () => {
    await open();
    await click(buttonOf('Readmitted within 30 days', 'target-edit'));
    expect(byTestId<HTMLInputElement>('target-value')?.value).toBe('8');
    type('target-value', '7');
    await click(byTestId('target-save'));
    const request = http.expectOne({ method: 'PUT', url: BENCHMARKS_PATHS.target(3, 'readmitted30') });
    expect(request.request.body).toEqual({ value: 0.07, direction: 'lower' });
    request.flush(
      { message: ['value must be a finite number of at least 0, in the metric’s unit'] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('target-form')?.querySelector('mat-error')?.textContent?.trim()).toBe(
      'value must be a finite number of at least 0, in the metric’s unit',
    );
    expect(byTestId('target-form-problem')).toBeNull();
  });

  it('clears a target and loads the targets again', async () => {
    await open();
    await click(buttonOf('Completion rate', 'target-clear'));
    http.expectOne({ method: 'DELETE', url: BENCHMARKS_PATHS.target(3, 'completionRate') }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await settle();
    await answerTargets(3, PROGRAM_3_TARGETS.slice(1));
    expect(byTestId('targets-notice')?.textContent).toBe('Cleared Evening IOP’s target for Completion rate.');
    expect(cellsOf('Completion rate')[3]).toBe('No target');
  });

  it("starts from the filter bar's one program, and loads another program's targets when it is chosen", async () => {
    await open('/?programId=4', 4, []);
    expect(cellsOf('Completion rate')[3]).toBe('No target');
    const program = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="targets-program"]' }),
    );
    expect(await program.getValueText()).toBe('Day IOP');
    await program.open();
    // Clicked directly: the harness would wait for the request that the choice sends, before it is answered.
    const evening = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (option) => option.textContent?.trim() === 'Evening IOP',
    );
    await click(evening ?? null);
    await answerTargets(3, PROGRAM_3_TARGETS);
    expect(cellsOf('Completion rate')[3]).toBe('40.0%, higher is better');
  });

  it('says why a refused clear failed, in the API’s words', async () => {
    await open();
    await click(buttonOf('Completion rate', 'target-clear'));
    http
      .expectOne({ method: 'DELETE', url: BENCHMARKS_PATHS.target(3, 'completionRate') })
      .flush({ message: 'Program 3 is not one of your programs' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(byTestId('targets-problem')?.textContent).toBe('Program 3 is not one of your programs');
  });
});
