import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { AnnotationList, UserRole } from '@iop/contracts';
import { ANNOTATIONS_PATHS } from '../../data-access/api/annotations-api';
import { QUALITY_PATHS } from '../../data-access/api/quality-api';
import {
  IET_INITIATION_DETAIL,
  IET_INITIATION_NUMERATOR,
  PAYER_IET_INITIATION_DETAIL,
  PAYER_QUALITY_MEASURES,
  QUALITY_MEASURES,
} from './quality-fixture';
import { QualityPage } from './quality-page';
import { openQualityPage, settle } from './testing/open-quality-page';

const NO_NOTES: AnnotationList = { annotations: [] };

describe('QualityPage', () => {
  let fixture: ComponentFixture<QualityPage>;
  let httpTesting: HttpTestingController;

  async function open(role: UserRole, url = '/quality'): Promise<void> {
    ({ fixture, httpTesting } = await openQualityPage(role, url));
  }

  afterEach(() => httpTesting.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string, within: ParentNode = root()) =>
    within.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const textOf = (id: string, within: ParentNode = root()) => byTestId(id, within)?.textContent?.trim();

  async function answer(url: string, body: object): Promise<void> {
    httpTesting.expectOne((request) => request.url === url).flush(body);
    await settle();
  }

  async function tableRows(frameId: string): Promise<(string | undefined)[][]> {
    const frame = byTestId(frameId) as HTMLElement;
    byTestId('frame-show-table', frame)?.querySelector('button')?.click();
    await fixture.whenStable();
    return Array.from(frame.querySelectorAll('[data-testid="frame-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
  }

  it('shows one card per measure, marking the small cell beside the value', async () => {
    await open('quality');
    expect(byTestId('quality-loading')?.getAttribute('aria-busy')).toBe('true');
    await answer(QUALITY_PATHS.measures, QUALITY_MEASURES);

    expect(root().querySelectorAll('iop-measure-card')).toHaveLength(6);
    expect(textOf('quality-rate-iet-initiation')).toBe('77.7%');
    expect(textOf('quality-interval-iet-initiation')).toBe('95% CI 74.0%–81.1%');
    expect(textOf('quality-counts-iet-initiation')).toBe('412 of 530 episodes in the numerator');
    expect(
      Array.from(root().querySelectorAll('[data-testid="quality-exclusions-iet-initiation"] li')).map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([
      'no referral date: 37',
      "referred fewer than 14 days before the data's end: 6 small n: Fewer than 11 episodes: exact for you, withheld from payers. Read with care.",
      'under 13 at admission: 12',
    ]);
    // The value's element holds only the number; the mark is its sibling, with its meaning for screen readers.
    expect(textOf('quality-rate-pod')).toBe('36.8%');
    expect(textOf('quality-small-pod')).toBe(
      'small n: Fewer than 11 episodes: exact for you, withheld from payers. Read with care.',
    );
    expect(byTestId('quality-small-iet-initiation')).toBeNull();
    expect(textOf('quality-rate-fui-7')).toBe('—');
    expect(textOf('quality-counts-fui-7')).toBe('No episode in the denominator');
    expect(textOf('quality-as-of')).toBe('Jun 30, 2026');
    expect(textOf('quality-choose')).toContain('Trend and breakdown');
  });

  it('shows a payer "fewer than 11" with its reason, and no drill-down to patients', async () => {
    await open('payer', '/quality?measure=iet-initiation');
    await answer(QUALITY_PATHS.measures, PAYER_QUALITY_MEASURES);
    await answer(QUALITY_PATHS.detail('iet-initiation'), PAYER_IET_INITIATION_DETAIL);
    await answer(ANNOTATIONS_PATHS.list, NO_NOTES);

    expect(textOf('quality-rate-pod')).toBe('fewer than 11');
    expect(textOf('quality-suppressed-pod')).toContain('Reason: fewer than 11 episodes.');
    expect(byTestId('quality-small-pod')).toBeNull();
    expect(byTestId('quality-detail')).not.toBeNull();
    expect(byTestId('quality-patients')).toBeNull();
    expect(byTestId('quality-patients-open')).toBeNull();
    expect((await tableRows('quality-trend-frame'))[2]).toEqual([
      'Mar 2025',
      'fewer than 11',
      '—',
      '—',
      '—',
      '—',
      'fewer than 11 episodes',
    ]);
    // A withheld program is named with its reason, never placed on the funnel.
    const funnel = byTestId('quality-funnel-frame') as HTMLElement;
    expect(funnel.querySelectorAll('[data-testid="funnel-point"]')).toHaveLength(1);
    expect(textOf('funnel-withheld', funnel)).toBe('Riverside IOP (fewer than 11 episodes)');
    expect((await tableRows('quality-funnel-frame'))[1].slice(0, 4)).toEqual([
      'Riverside Intensive Outpatient Program',
      'fewer than 11 episodes',
      '—',
      '—',
    ]);
  });

  it('opens the chosen measure from the URL with its trend and breakdowns in frames', async () => {
    await open('director');
    await answer(QUALITY_PATHS.measures, QUALITY_MEASURES);
    byTestId('quality-select-iet-initiation')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/quality?measure=iet-initiation');
    await answer(QUALITY_PATHS.detail('iet-initiation'), IET_INITIATION_DETAIL);
    await answer(ANNOTATIONS_PATHS.list, NO_NOTES);

    expect(byTestId('quality-select-iet-initiation')?.getAttribute('aria-pressed')).toBe('true');
    const trend = byTestId('quality-trend-frame') as HTMLElement;
    expect(textOf('frame-heading', trend)).toBe('IET initiation: by month of admission');
    expect(textOf('frame-sample', trend)).toBe('n = 530 episodes in the denominator');
    expect(trend.querySelectorAll('[data-testid="interval-bar"]')).toHaveLength(3);
    expect(await tableRows('quality-trend-frame')).toEqual([
      ['Jan 2025', '68.2%', '53.4%', '80.0%', '30', '44', '—'],
      ['Feb 2025', '—', '—', '—', '0', '0', '—'],
      [
        'Mar 2025',
        '44.4%',
        '18.9%',
        '73.3%',
        '4',
        '9',
        'small n: Fewer than 11 episodes: exact for you, withheld from payers. Read with care.',
      ],
    ]);
    // The programs on a funnel, not as ranked bars: each placed, the one below the 99.8% limits named in words.
    const funnel = byTestId('quality-funnel-frame') as HTMLElement;
    expect(textOf('frame-heading', funnel)).toBe('IET initiation: by program, funnel plot');
    expect(textOf('frame-sample', funnel)).toBe('n = 71 episodes in the denominator');
    expect(funnel.querySelectorAll('[data-testid="funnel-point"]')).toHaveLength(2);
    expect(funnel.querySelectorAll('[data-testid="interval-bar"]')).toHaveLength(0);
    expect(
      Array.from(funnel.querySelectorAll('[data-testid="funnel-outside"]')).map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual(['Hillcrest IOP: Below what chance explains (42.5% of 40 episodes in the denominator).']);
    expect(await tableRows('quality-funnel-frame')).toEqual([
      [
        'Riverside Intensive Outpatient Program',
        '80.6%',
        '25',
        '31',
        '63.1%',
        '92.4%',
        '54.6%',
        '100.0%',
        'Within what chance explains',
      ],
      ['Hillcrest IOP', '42.5%', '17', '40', '64.8%', '90.6%', '57.4%', '98.1%', 'Below what chance explains'],
      ['Network (the selection)', '77.7%', '412', '530', '—', '—', '—', '—', 'The target the limits surround'],
    ]);
    expect(byTestId('quality-program-frame')).toBeNull();
    expect((await tableRows('quality-payer-frame')).map((row) => row.slice(0, 6))).toEqual([
      ['Commercial', '60.0%', '38.7%', '78.1%', '12', '20'],
      ['Medicaid', '70.0%', '56.3%', '80.9%', '35', '50'],
    ]);
  });

  it('asks for the audited patient list only when opened, and asks again for the denominator', async () => {
    await open('quality', '/quality?measure=iet-initiation');
    await answer(QUALITY_PATHS.measures, QUALITY_MEASURES);
    await answer(QUALITY_PATHS.detail('iet-initiation'), IET_INITIATION_DETAIL);
    await answer(ANNOTATIONS_PATHS.list, NO_NOTES);
    httpTesting.expectNone(QUALITY_PATHS.patients('iet-initiation'));
    expect(textOf('quality-patients-audit-note')).toContain('recorded in the audit log');

    byTestId('quality-patients-open')?.click();
    await settle();
    const request = httpTesting.expectOne((req) => req.url === QUALITY_PATHS.patients('iet-initiation'));
    expect(request.request.params.get('population')).toBe('numerator');
    request.flush(IET_INITIATION_NUMERATOR);
    await settle();

    expect(textOf('quality-patients-count')).toBe('2 episodes in the numerator');
    const table = byTestId('quality-patients-table') as HTMLElement;
    expect(Array.from(table.querySelectorAll('th')).map((cell) => cell.textContent?.trim())).toEqual([
      'Patient key',
      'Episode',
      'Admitted',
      'Referral date',
      'First attended service on or after the referral date',
      'Days from referral to that service',
    ]);
    expect(Array.from(table.querySelectorAll('tr.mat-mdc-row td')).map((cell) => cell.textContent?.trim())).toEqual([
      'SYN0000123',
      '501',
      'Jan 6, 2025',
      'Jan 2, 2025',
      'Jan 6, 2025',
      '4',
      'SYN0000456',
      '502',
      'Mar 17, 2025',
      'Mar 3, 2025',
      'Mar 16, 2025',
      '13',
    ]);

    byTestId('quality-population-denominator')?.querySelector('button')?.click();
    await settle();
    const denominator = httpTesting.expectOne((req) => req.url === QUALITY_PATHS.patients('iet-initiation'));
    expect(denominator.request.params.get('population')).toBe('denominator');
    denominator.flush({
      ...IET_INITIATION_NUMERATOR,
      population: 'denominator',
      rows: [
        ...IET_INITIATION_NUMERATOR.rows,
        { ...IET_INITIATION_NUMERATOR.rows[0], episodeId: 503, inNumerator: false },
      ],
    });
    await settle();
    expect(textOf('quality-patients-count')).toBe('3 episodes in the denominator');
  });

  it('sends the filter of the URL with every request', async () => {
    await open('admin', '/quality?payer=medicaid&measure=pod');
    const measures = httpTesting.expectOne((req) => req.url === QUALITY_PATHS.measures);
    expect(measures.request.params.getAll('payer')).toEqual(['medicaid']);
    expect(measures.request.params.has('measure')).toBe(false);
    measures.flush(QUALITY_MEASURES);
    await settle();
    const detail = httpTesting.expectOne((req) => req.url === QUALITY_PATHS.detail('pod'));
    expect(detail.request.params.getAll('payer')).toEqual(['medicaid']);
    detail.flush({ ...IET_INITIATION_DETAIL, measure: QUALITY_MEASURES.measures[2] });
    // The notes are chosen by the filter's programs and window only, as on the overview: a payer filter is not sent.
    const notes = httpTesting.expectOne((req) => req.url === ANNOTATIONS_PATHS.list);
    expect(notes.request.params.keys()).toEqual([]);
    notes.flush(NO_NOTES);
    await settle();
    expect(byTestId('quality-select-pod')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('ignores an unknown measure in the URL', async () => {
    await open('admin', '/quality?measure=hedis');
    await answer(QUALITY_PATHS.measures, QUALITY_MEASURES);
    expect(byTestId('quality-detail')).toBeNull();
    httpTesting.expectNone((req) => req.url.includes('/quality/measures/'));
    // No chart by month, so no notes asked for.
    httpTesting.expectNone((req) => req.url === ANNOTATIONS_PATHS.list);
  });
});
