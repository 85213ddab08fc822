import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ADMIN_PATHS, type AuditEvent, type AuditEventPage } from '@iop/contracts';
import { AuditLogPanel } from './audit-log-panel';

const LOGIN: AuditEvent = {
  id: 7,
  at: '2026-03-02T09:30:00.000Z',
  userId: 1,
  email: 'admin@demo.local',
  role: 'admin',
  action: 'login',
  resource: 'auth',
  filters: null,
  rowCount: null,
  ip: '127.0.0.1',
  outcome: 'ok',
  details: null,
};
const CREATE: AuditEvent = {
  ...LOGIN,
  id: 8,
  at: '2026-03-02T09:31:00.000Z',
  action: 'admin.user.create',
  resource: 'users/9',
  details: { email: 'new@clinic.test' },
};

describe('AuditLogPanel', () => {
  let fixture: ComponentFixture<AuditLogPanel>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element().querySelector<T>(`[data-testid="${id}"]`);
  const type = (testId: string, value: string) => {
    const input = byTestId<HTMLInputElement>(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const nextRequest = (): TestRequest => http.expectOne((request) => request.url === ADMIN_PATHS.auditEvents);
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));
  const answer = async (request: TestRequest, page: Partial<AuditEventPage>) => {
    request.flush({ events: [], total: 0, limit: 50, offset: 0, ...page });
    await fixture.whenStable();
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLogPanel);
    TestBed.tick();
  });

  afterEach(() => http.verify());

  it('shows the first page newest first, in UTC, with a CSV link of everything', async () => {
    const request = nextRequest();
    expect(paramsOf(request)).toEqual({ limit: '50', offset: '0' });
    await answer(request, { events: [CREATE, LOGIN], total: 2 });

    const rows = Array.from(element().querySelectorAll('[data-testid="audit-row"]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      [
        'Mar 2, 2026, 9:31:00 AM',
        'admin@demo.local',
        'admin',
        'admin.user.create',
        'users/9',
        'ok',
        '—',
        '{"email":"new@clinic.test"}',
      ],
      ['Mar 2, 2026, 9:30:00 AM', 'admin@demo.local', 'admin', 'login', 'auth', 'ok', '—', '—'],
    ]);
    expect(byTestId('audit-download-csv')?.getAttribute('href')).toBe(ADMIN_PATHS.auditEventsCsv);
    expect(byTestId('audit-download-csv')?.hasAttribute('download')).toBe(true);
  });

  it('applies the filters to the page and to the CSV link, from the first page', async () => {
    await answer(nextRequest(), { total: 0 });
    expect(byTestId('audit-empty')?.textContent).toBe('No events match these filters.');

    type('audit-from', '2026-03-01');
    type('audit-to', '2026-03-31');
    type('audit-action', ' Admin ');
    type('audit-email', 'demo.local');
    const outcome = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="audit-outcome"]' }),
    );
    await outcome.open();
    await outcome.clickOptions({ text: 'ok' });
    byTestId('audit-apply')?.click();
    TestBed.tick();

    const request = nextRequest();
    expect(paramsOf(request)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      action: 'admin',
      email: 'demo.local',
      outcome: 'ok',
      limit: '50',
      offset: '0',
    });
    await answer(request, { events: [CREATE], total: 1 });
    expect(byTestId('audit-download-csv')?.getAttribute('href')).toBe(
      `${ADMIN_PATHS.auditEventsCsv}?from=2026-03-01&to=2026-03-31&action=admin&email=demo.local&outcome=ok`,
    );
  });

  it('pages through the log with the paginator', async () => {
    await answer(nextRequest(), { events: [LOGIN], total: 120 });
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);
    // A click rather than the harness's goToNextPage(), which waits for stability and so for the request itself.
    element().querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
    TestBed.tick();
    const request = nextRequest();
    expect(paramsOf(request)).toMatchObject({ limit: '50', offset: '50' });
    await answer(request, { events: [LOGIN], total: 120, offset: 50 });
    expect(await paginator.getRangeLabel()).toBe('51 – 100 of 120');
  });
});
