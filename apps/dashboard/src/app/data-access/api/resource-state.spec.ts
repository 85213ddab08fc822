import { HttpErrorResponse, provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EpisodeFilters, SummaryResponse } from '@iop/contracts';
import { MetricsApi, METRICS_PATHS } from './metrics-api';
import { describeLoadError, errorMessageOf, frameStateOf, resourcePanel } from './resource-state';

describe('frameStateOf', () => {
  it('follows a resource through loading, ready, empty and error as the filters change', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const filters = signal<EpisodeFilters>({});
    const { state, error } = runInInjectionContext(TestBed.inject(Injector), () => {
      const summary = TestBed.inject(MetricsApi).summary(filters);
      return {
        state: frameStateOf(summary, (value: SummaryResponse) => value.episodes === 0),
        error: errorMessageOf(summary),
      };
    });

    TestBed.tick();
    expect(state()).toBe('loading');
    http.expectOne(METRICS_PATHS.summary).flush({ episodes: 3 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('ready');

    filters.set({ payer: ['medicare'] });
    TestBed.tick();
    expect(state()).toBe('loading');
    const request = http.expectOne((req) => req.url === METRICS_PATHS.summary);
    expect(request.request.params.getAll('payer')).toEqual(['medicare']);
    request.flush({ episodes: 0 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('empty');

    filters.set({});
    TestBed.tick();
    http.expectOne(METRICS_PATHS.summary).flush('boom', { status: 503, statusText: 'Service Unavailable' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('error');
    expect(error()).toBe('The API answered 503 Service Unavailable.');
  });
});

describe('resourcePanel', () => {
  it('maps the answer for display, with the frame state and error, and sends the request again on reload', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withFetch()), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const panel = runInInjectionContext(TestBed.inject(Injector), () =>
      resourcePanel(
        TestBed.inject(MetricsApi).summary(),
        (value: SummaryResponse) => ({ episodes: value.episodes }),
        (value) => value.episodes === 0,
      ),
    );

    TestBed.tick();
    expect([panel.state(), panel.value(), panel.display(), panel.error()]).toEqual(['loading', null, null, '']);
    http.expectOne(METRICS_PATHS.summary).flush('boom', { status: 500, statusText: 'Internal Server Error' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([panel.state(), panel.display(), panel.error()]).toEqual([
      'error',
      null,
      'The API answered 500 Internal Server Error.',
    ]);

    panel.reload();
    TestBed.tick();
    expect(panel.state()).toBe('loading');
    http.expectOne(METRICS_PATHS.summary).flush({ episodes: 0 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect([panel.state(), panel.value(), panel.display(), panel.error()]).toEqual([
      'empty',
      { episodes: 0 },
      { episodes: 0 },
      '',
    ]);
  });
});

describe('describeLoadError', () => {
  it('names the status the API answered with', () => {
    const error = new HttpErrorResponse({ status: 503, statusText: 'Service Unavailable' });
    expect(describeLoadError(error)).toBe('The API answered 503 Service Unavailable.');
  });

  it('tells an unreadable answer from an unreachable API', () => {
    expect(describeLoadError(new SyntaxError('Unexpected token <'))).toBe(
      'The API sent an answer the dashboard could not read.',
    );
    expect(describeLoadError(new HttpErrorResponse({ status: 0 }))).toMatch(/could not be reached/);
  });
});
