import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { benchmarkDisplay, targetDisplay } from '../../ui/benchmarks/benchmark-display';
import { PROGRAM_3_TARGETS, SEEDED_BENCHMARKS } from '../../ui/benchmarks/testing/benchmark-fixture';
import type { HeadlineFigureValue } from '../../ui/cards/headline-figure';
import { KpiCard } from './kpi-card';
import type { KpiTrendDisplay } from './kpi-trend';

const TREND: KpiTrendDisplay = {
  points: [
    { period: '2026-01', value: 0.3 },
    { period: '2026-02', value: 0.35 },
  ],
  description: 'Completion by month of admission',
  change: null,
  floor: null,
};

describe('KpiCard benchmark and target', () => {
  async function render(figure: HeadlineFigureValue, inputs: Record<string, unknown>): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(KpiCard);
    fixture.componentRef.setInput('label', 'Completion');
    fixture.componentRef.setInput('testId', 'kpi-completion');
    fixture.componentRef.setInput('kpi', figure);
    fixture.componentRef.setInput('trend', TREND);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  /** What a sighted reader sees: the text without its visually hidden part. */
  function visibleText(element: Element | null): string | undefined {
    if (!element) return undefined;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return text(copy);
  }

  it('says a completion of 41.0% meets the TEDS benchmark and its 40% target, with both lines on the sparkline', async () => {
    const root = await render(
      { value: '41.0%', details: [], suppressed: false },
      {
        benchmark: benchmarkDisplay(SEEDED_BENCHMARKS, 'completionRate', 0.41, 'proportion'),
        target: targetDisplay(PROGRAM_3_TARGETS, 'completionRate', 0.41, 'proportion', 'Northside IOP'),
      },
    );
    const benchmark = root.querySelector('[data-testid="kpi-completion-benchmark"]');
    expect(visibleText(benchmark)).toBe('Benchmark 37.7%: meets');
    expect(benchmark?.getAttribute('data-status')).toBe('meets');
    // The source is read out after the status, and shown on hover.
    expect(text(benchmark?.querySelector('.visually-hidden') ?? null)).toMatch(
      /^\. Source: SAMHSA, Treatment Episode Data Set \(TEDS\) 2004.*\(2004\)$/,
    );
    expect(visibleText(root.querySelector('[data-testid="kpi-completion-target"]'))).toBe('Target 40.0%: meets');
    expect(root.querySelector('[data-testid="sparkline-benchmark"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="sparkline-target"]')).not.toBeNull();
  });

  it('says a completion of 30.0% is below both', async () => {
    const root = await render(
      { value: '30.0%', details: [], suppressed: false },
      {
        benchmark: benchmarkDisplay(SEEDED_BENCHMARKS, 'completionRate', 0.3, 'proportion'),
        target: targetDisplay(PROGRAM_3_TARGETS, 'completionRate', 0.3, 'proportion', 'Northside IOP'),
      },
    );
    expect(visibleText(root.querySelector('[data-testid="kpi-completion-benchmark"]'))).toBe('Benchmark 37.7%: below');
    expect(text(root.querySelector('[data-testid="kpi-completion-target"] .visually-hidden'))).toBe(
      ". Source: Northside IOP's target, set by director@test.local",
    );
    expect(visibleText(root.querySelector('[data-testid="kpi-completion-target"]'))).toBe('Target 40.0%: below');
  });

  it('gives the reason instead of a line for a benchmark on another population', async () => {
    const root = await render(
      { value: '60.0%', details: [], suppressed: false },
      { benchmark: benchmarkDisplay(SEEDED_BENCHMARKS, 'fui-30', 0.6, 'proportion') },
    );
    const note = root.querySelector('[data-testid="kpi-completion-benchmark"]');
    expect(visibleText(note)).toMatch(
      /^No benchmark line\. Not comparable: this measure counts only episodes admitted/,
    );
    expect(note?.getAttribute('data-status')).toBeNull();
    expect(root.querySelector('[data-testid="sparkline-benchmark"]')).toBeNull();
    expect(root.querySelector('[data-testid="kpi-completion-target"]')).toBeNull();
  });

  it('lets the benchmark line replace the fixed hours floor', async () => {
    const root = await render(
      { value: '7.9 h', details: [], suppressed: false },
      {
        trend: { ...TREND, points: [{ period: '2026-01', value: 7.9 }], floor: 9 },
        benchmark: benchmarkDisplay(SEEDED_BENCHMARKS, 'attendedHoursPerWeek', 7.9, 'hours'),
      },
    );
    expect(visibleText(root.querySelector('[data-testid="kpi-completion-benchmark"]'))).toBe('Benchmark 9 h: below');
    expect(root.querySelector('.sparkline-floor')).toBeNull();
    expect(root.querySelector('[data-testid="sparkline-benchmark"]')).not.toBeNull();
  });
});
