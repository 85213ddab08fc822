import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DataStatus } from '@iop/contracts';
import { DATA_PATHS } from '../api/data-api';
import { DataStatusState } from './data-status-state';

const SYNTHETIC: DataStatus = {
  asOf: '2026-06-30',
  loadedAt: '2026-07-01T06:00:00.000Z',
  source: 'synthetic',
  synthetic: true,
};
const IMPORTED: DataStatus = {
  ...SYNTHETIC,
  loadedAt: '2026-07-02T08:00:00.000Z',
  source: 'kipu-east',
  synthetic: false,
};

describe('DataStatusState', () => {
  let http: HttpTestingController;
  let state: DataStatusState;
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    state = TestBed.inject(DataStatusState);
  });

  afterEach(() => http.verify());

  it('asks once per session, again after an import, and forgets on sign-out', async () => {
    expect(state.status()).toBeNull();
    state.load();
    state.load();
    http.expectOne(DATA_PATHS.status).flush(SYNTHETIC);
    await settle();
    expect(state.status()).toEqual(SYNTHETIC);
    state.load();
    http.expectNone(DATA_PATHS.status);

    state.reload();
    http.expectOne(DATA_PATHS.status).flush(IMPORTED);
    await settle();
    expect(state.status()).toEqual(IMPORTED);

    state.forget();
    expect(state.status()).toBeNull();
    state.load();
    http.expectOne(DATA_PATHS.status).flush(SYNTHETIC);
    await settle();
    expect(state.status()).toEqual(SYNTHETIC);
  });

  it('drops an answer that arrives after sign-out, and asks again after a failure', async () => {
    state.load();
    const late = http.expectOne(DATA_PATHS.status);
    state.forget();
    late.flush(IMPORTED);
    await settle();
    expect(state.status()).toBeNull();

    state.load();
    http.expectOne(DATA_PATHS.status).flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(state.status()).toBeNull();
    state.load();
    http.expectOne(DATA_PATHS.status).flush(SYNTHETIC);
    await settle();
    expect(state.status()).toEqual(SYNTHETIC);
  });
});
