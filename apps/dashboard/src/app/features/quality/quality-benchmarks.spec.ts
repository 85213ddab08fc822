import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import type { Benchmark, ProgramTargetsResponse } from '@iop/contracts';
import { ANNOTATIONS_PATHS } from '../../data-access/api/annotations-api';
import { BENCHMARKS_PATHS } from '../../data-access/api/benchmarks-api';
import { QUALITY_PATHS } from '../../data-access/api/quality-api';
import { SEEDED_BENCHMARKS } from '../../ui/benchmarks/testing/benchmark-fixture';
import { IET_INITIATION_DETAIL, QUALITY_MEASURES } from './quality-fixture';
import { QualityPage } from './quality-page';
import { openQualityPage, settle } from './testing/open-quality-page';

/** A comparable benchmark for IET initiation, made up for the test: 70%, higher is better. */
const IET_BENCHMARK: Benchmark = {
  id: 99,
  metric: 'iet-initiation',
  value: 0.7,
  direction: 'higher',
  source: 'Test registry, IET initiation',
  year: 2024,
  comparable: true,
  notComparableReason: null,
  updatedBy: 'admin@test.local',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const TARGETS: ProgramTargetsResponse = {
  programId: 3,
  targets: [
    {
      programId: 3,
      metric: 'iet-initiation',
      value: 0.8,
      direction: 'higher',
      setBy: 'director@test.local',
      setAt: '2025-02-01T00:00:00.000Z',
    },
  ],
};

describe('QualityPage benchmarks and targets', () => {
  let fixture: ComponentFixture<QualityPage>;
  let httpTesting: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, httpTesting } = await openQualityPage('director', '/quality?programId=3&measure=iet-initiation', [
      ...SEEDED_BENCHMARKS,
      IET_BENCHMARK,
    ]));
    httpTesting.expectOne(BENCHMARKS_PATHS.targets(3)).flush(TARGETS);
    httpTesting.expectOne((req) => req.url === QUALITY_PATHS.measures).flush(QUALITY_MEASURES);
    await settle();
    httpTesting.expectOne((req) => req.url === QUALITY_PATHS.detail('iet-initiation')).flush(IET_INITIATION_DETAIL);
    // The notes on the trend are not what these tests are about.
    httpTesting.expectOne((req) => req.url === ANNOTATIONS_PATHS.list).flush({ annotations: [] });
    await settle();
  });

  afterEach(() => httpTesting.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const visibleText = (testId: string) => {
    const element = root().querySelector(`[data-testid="${testId}"]`);
    if (!element) return undefined;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent?.replace(/\s+/g, ' ').trim();
  };

  it('says on the follow-up cards why no benchmark line is drawn, with no status', () => {
    for (const id of ['fui-7', 'fui-30']) {
      expect(visibleText(`quality-benchmark-${id}`)).toMatch(
        /^No benchmark line\. Not comparable: this measure counts only episodes admitted to the program/,
      );
      expect(root().querySelector(`[data-testid="quality-benchmark-${id}"]`)?.getAttribute('data-status')).toBeNull();
    }
  });

  it('gives the status against a comparable benchmark and the program target on the card', () => {
    // The fixture's IET initiation is 77.7%.
    expect(visibleText('quality-benchmark-iet-initiation')).toBe('Benchmark 70.0%: meets');
    expect(visibleText('quality-target-iet-initiation')).toBe('Target 80.0%: below');
    expect(root().querySelector('[data-testid="quality-target-pod"]')).toBeNull();
  });

  it('draws both as labelled lines on the trend and lists them with their sources in its table', async () => {
    const trend = root().querySelector('[data-testid="quality-trend-frame"]') as HTMLElement;
    expect(trend.querySelector('[data-testid="interval-reference-benchmark"]')?.textContent?.trim()).toBe(
      'Benchmark 70.0%',
    );
    expect(trend.querySelector('[data-testid="interval-reference-target"]')?.textContent?.trim()).toBe('Target 80.0%');
    // The funnel by program and the breakdown by payer carry no target.
    for (const id of ['quality-funnel-frame', 'quality-payer-frame']) {
      const frame = root().querySelector(`[data-testid="${id}"]`) as HTMLElement;
      expect([id, frame.querySelector('[data-testid^="interval-reference"]')]).toEqual([id, null]);
    }

    trend.querySelector<HTMLElement>('[data-testid="frame-show-table"] button')?.click();
    await fixture.whenStable();
    const rows = Array.from(trend.querySelectorAll('[data-testid="frame-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows.slice(3)).toEqual([
      ['Benchmark', '70.0%', '—', '—', '—', '—', 'Source: Test registry, IET initiation (2024)'],
      ['Target', '80.0%', '—', '—', '—', '—', "Source: The selected program's target, set by director@test.local"],
    ]);
  });
});
