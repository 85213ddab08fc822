import { provideHttpClient, withFetch } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { EpisodeFilters, SummaryResponse } from '@iop/contracts';
import { API_PATHS } from './api-paths';
import { MetricsApi } from './metrics-api';
import { errorMessageOf, frameStateOf } from './resource-state';

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
    http.expectOne(API_PATHS.summary).flush({ episodes: 3 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('ready');

    filters.set({ payer: ['medicare'] });
    TestBed.tick();
    expect(state()).toBe('loading');
    const request = http.expectOne((req) => req.url === API_PATHS.summary);
    expect(request.request.params.getAll('payer')).toEqual(['medicare']);
    request.flush({ episodes: 0 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('empty');

    filters.set({});
    TestBed.tick();
    http.expectOne(API_PATHS.summary).flush('boom', { status: 503, statusText: 'Service Unavailable' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(state()).toBe('error');
    expect(error()).toBe('The API answered 503 Service Unavailable.');
  });
});
