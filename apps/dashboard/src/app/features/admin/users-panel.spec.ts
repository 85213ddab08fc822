import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ADMIN_PATHS, type AdminUser, type FilterOptionsResponse } from '@iop/contracts';
import { UsersPanel } from './users-panel';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';

const ADMIN: AdminUser = {
  id: 1,
  email: 'admin@demo.local',
  displayName: 'Demo admin',
  role: 'admin',
  payer: null,
  programIds: [],
  disabled: false,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const DIRECTOR: AdminUser = {
  ...ADMIN,
  id: 2,
  email: 'dir@demo.local',
  displayName: 'Dee',
  role: 'director',
  programIds: [1, 2],
};
const PAYER: AdminUser = {
  ...ADMIN,
  id: 3,
  email: 'pay@demo.local',
  displayName: 'Pat',
  role: 'payer',
  payer: 'medicaid',
  disabled: true,
};
const OPTIONS = {
  programs: [
    { id: 1, name: 'Evening IOP' },
    { id: 2, name: 'Outpatient' },
  ],
  counselors: [],
  levelsOfCare: [],
  payers: [],
  substances: [],
  ageBands: [],
  admitDateRange: { from: null, to: null },
} satisfies FilterOptionsResponse;

describe('UsersPanel', () => {
  let fixture: ComponentFixture<UsersPanel>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    element().querySelector<T>(`[data-testid="${id}"]`);
  const rows = () =>
    Array.from(element().querySelectorAll('[data-testid="user-row"]')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 5)
        .map((cell) => cell.textContent?.trim()),
    );
  const select = async (testId: string) =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }),
    );
  const type = (testId: string, value: string) => {
    const input = byTestId<HTMLInputElement>(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const answerUsers = async (users: AdminUser[]) => {
    http.expectOne(ADMIN_PATHS.users).flush({ users });
    await fixture.whenStable();
  };
  /**
   * Lets promises and change detection run without whenStable(), which would wait for the request the step
   * has just sent (and so for ever, in a test that answers it afterwards).
   */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const click = async (testId: string) => {
    byTestId(testId)?.click();
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPanel);
    TestBed.tick();
    http.expectOne(FILTERS_PATHS.options).flush(OPTIONS);
    await answerUsers([ADMIN, DIRECTOR, PAYER]);
  });

  afterEach(() => http.verify());

  it('lists every account with its role, what it sees and its status', () => {
    expect(rows()).toEqual([
      ['admin@demo.local', 'Demo admin', 'Admin', 'All programs', 'Active'],
      ['dir@demo.local', 'Dee', 'Director', 'Evening IOP, Outpatient', 'Active'],
      ['pay@demo.local', 'Pat', 'Payer', 'Medicaid', 'Disabled'],
    ]);
  });

  it('creates a director with programs, then lists the accounts again', async () => {
    await click('user-new');
    type('user-email', 'new@clinic.test');
    type('user-display-name', 'New Director');
    type('user-password', 'twelve chars!');
    const programs = await select('user-programs');
    await programs.open();
    await programs.clickOptions({ text: 'Outpatient' });
    await click('user-save');

    const request = http.expectOne({ method: 'POST', url: ADMIN_PATHS.users });
    expect(request.request.body).toEqual({
      email: 'new@clinic.test',
      displayName: 'New Director',
      role: 'director',
      programIds: [2],
      password: 'twelve chars!',
    });
    request.flush({ ...DIRECTOR, id: 9, email: 'new@clinic.test', programIds: [2] });
    await settle();
    await answerUsers([ADMIN, DIRECTOR, PAYER]);
    expect(byTestId('users-notice')?.textContent).toBe('Created new@clinic.test.');
    expect(byTestId('user-save')).toBeNull();
  });

  it('asks for the payer of a payer account, and shows the API refusal in its own words', async () => {
    await click('user-new');
    type('user-email', 'someone@clinic.test');
    type('user-display-name', 'Someone');
    type('user-password', 'short');
    const role = await select('user-role');
    await role.open();
    await role.clickOptions({ text: 'Payer' });
    await click('user-save');
    http.expectNone(ADMIN_PATHS.users);

    type('user-password', 'long enough password');
    await click('user-save');
    expect(byTestId('user-form-problem')?.textContent).toBe('Choose the payer this user represents.');
    const payer = await select('user-payer');
    await payer.open();
    await payer.clickOptions({ text: 'Medicare' });
    await click('user-save');
    const request = http.expectOne({ method: 'POST', url: ADMIN_PATHS.users });
    expect(request.request.body).toMatchObject({ role: 'payer', payer: 'medicare' });
    request.flush(
      { message: 'An account with the e-mail someone@clinic.test already exists' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(byTestId('user-form-problem')?.textContent).toBe(
      'An account with the e-mail someone@clinic.test already exists',
    );
  });

  it('edits an account sending only what changed: disabling it and a new password', async () => {
    element().querySelectorAll<HTMLButtonElement>('[data-testid="user-row"] button')[1].click();
    await settle();
    expect(byTestId<HTMLInputElement>('user-email')?.disabled).toBe(true);
    expect(byTestId<HTMLInputElement>('user-display-name')?.value).toBe('Dee');
    const disabled = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatCheckboxHarness);
    await disabled.check();
    type('user-password', 'a fresh password');
    await click('user-save');

    const request = http.expectOne({ method: 'PATCH', url: `${ADMIN_PATHS.users}/2` });
    expect(request.request.body).toEqual({ disabled: true, password: 'a fresh password' });
    request.flush({ ...DIRECTOR, disabled: true });
    await settle();
    await answerUsers([ADMIN, { ...DIRECTOR, disabled: true }, PAYER]);
    expect(rows()[1][4]).toBe('Disabled');
    expect(byTestId('users-notice')?.textContent).toBe('Saved dir@demo.local.');
  });
});
