import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { BenchmarksResponse, ProgramTargetsResponse, UserRole } from '@iop/contracts';
import { ANNOTATIONS_PATHS } from '../../data-access/api/annotations-api';
import { BENCHMARKS_PATHS } from '../../data-access/api/benchmarks-api';
import { METRICS_PATHS } from '../../data-access/api/metrics-api';
import { provideSignedInUser, testUser } from '../../data-access/auth/testing/signed-in-session';
import { PROGRAM_3_TARGETS, SEEDED_BENCHMARKS } from '../../ui/benchmarks/testing/benchmark-fixture';
import { OverviewPage } from './overview-page';
import { SUMMARY } from './overview-test-data';

const BENCHMARKS: BenchmarksResponse = { benchmarks: SEEDED_BENCHMARKS };
const TARGETS: ProgramTargetsResponse = { programId: 3, targets: PROGRAM_3_TARGETS };

describe('OverviewPage benchmarks and targets', () => {
  let httpTesting: HttpTestingController;

  async function open(role: UserRole, url: string, targetsAsked = false): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        provideSignedInUser(testUser(role)),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    const fixture = TestBed.createComponent(OverviewPage);
    TestBed.tick();
    httpTesting.expectOne((req) => req.url === METRICS_PATHS.summary).flush(SUMMARY);
    httpTesting.expectOne(BENCHMARKS_PATHS.list).flush(BENCHMARKS);
    // The notes on the charts are not what these tests are about either.
    httpTesting.expectOne((req) => req.url === ANNOTATIONS_PATHS.list).flush({ annotations: [] });
    if (targetsAsked) {
      httpTesting.expectOne(BENCHMARKS_PATHS.targets(3)).flush(TARGETS);
    }
    // The trends and charts are not what these tests are about.
    httpTesting
      .match((req) => req.url.startsWith(METRICS_PATHS.summary.replace(/summary$/, '')))
      .forEach((request) => request.flush({ message: 'unused' }, { status: 500, statusText: 'Unused' }));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => httpTesting.verify());

  const visibleText = (root: HTMLElement, testId: string) => {
    const element = root.querySelector(`[data-testid="${testId}"]`);
    if (!element) return undefined;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent?.replace(/\s+/g, ' ').trim();
  };

  it("shows a director the benchmark beside the figures and the one selected program's targets", async () => {
    const root = await open('director', '/?programId=3', true);
    // SUMMARY: completion 33.5% against TEDS 37.7% and the program's 40%; 7.9 h against the ASAM 9 h floor.
    expect(visibleText(root, 'kpi-completion-benchmark')).toBe('Benchmark 37.7%: below');
    expect(visibleText(root, 'kpi-completion-target')).toBe('Target 40.0%: below');
    expect(visibleText(root, 'kpi-hours-benchmark')).toBe('Benchmark 9 h: below');
    // Readmission 4.1% against a lower-is-better 8% target.
    expect(visibleText(root, 'kpi-readmitted-30-target')).toBe('Target 8.0%: meets');
    expect(root.querySelector('[data-testid="kpi-attendance-rate-benchmark"]')).toBeNull();
    expect(root.querySelector('[data-testid="kpi-episodes-benchmark"]')).toBeNull();
  });

  it('asks for no targets when several programs are selected', async () => {
    const root = await open('director', '/?programId=3&programId=4');
    expect(visibleText(root, 'kpi-completion-benchmark')).toBe('Benchmark 37.7%: below');
    expect(root.querySelector('[data-testid="kpi-completion-target"]')).toBeNull();
  });

  it('asks for no targets for a quality analyst, who may not read them', async () => {
    const root = await open('quality', '/?programId=3');
    expect(visibleText(root, 'kpi-completion-benchmark')).toBe('Benchmark 37.7%: below');
    expect(root.querySelector('[data-testid="kpi-completion-target"]')).toBeNull();
  });
});
