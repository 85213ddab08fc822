import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { FilterState } from './filter-state';

@Component({ template: '' })
class EmptyPage {}

describe('FilterState', () => {
  let router: Router;
  let state: FilterState;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'retention', component: EmptyPage }])] });
    router = TestBed.inject(Router);
    state = TestBed.inject(FilterState);
    await router.navigateByUrl('/retention?groupBy=payer&payer=medicaid&levelOfCare=9');
  });

  it('reads the filter from the URL, dropping invalid values', () => {
    expect(state.filters()).toEqual({ payer: ['medicaid'] });
  });

  it('merges an update into the URL and keeps the page parameters', async () => {
    await state.update({ levelOfCare: ['2.1', '1'], from: '2024-01-01' });
    expect(router.url).toBe('/retention?groupBy=payer&payer=medicaid&levelOfCare=2.1&levelOfCare=1&from=2024-01-01');
    expect(state.filters()).toEqual({ from: '2024-01-01', payer: ['medicaid'], levelOfCare: ['2.1', '1'] });

    await state.update({ payer: [] });
    expect(state.filters()).toEqual({ from: '2024-01-01', levelOfCare: ['2.1', '1'] });
  });

  it('clears every filter but not the page parameters', async () => {
    await state.clear();
    expect(router.url).toBe('/retention?groupBy=payer');
    expect(state.filters()).toEqual({});
  });

  it('keeps the same filters object when only another parameter changes', async () => {
    const before = state.filters();
    await router.navigate([], { queryParams: { groupBy: 'program' }, queryParamsHandling: 'merge' });
    expect(state.filters()).toBe(before);
  });
});
