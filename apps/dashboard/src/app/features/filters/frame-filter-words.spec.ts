import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { FilterOptionsResponse } from '@iop/contracts';
import { FILTERS_PATHS } from '../../data-access/api/filters-api';
import { FRAME_FILTER_WORDS } from '../../ui/charts/frame-filter-words';
import { provideFrameFilterWords } from './frame-filter-words';

const OPTIONS: Pick<FilterOptionsResponse, 'programs' | 'counselors'> = {
  programs: [{ id: 3, name: 'Evening IOP' }],
  counselors: [],
};

/** Lets the words' chunk load and their request go out, then answers it. */
async function optionsRequest(http: HttpTestingController) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [request] = http.match(FILTERS_PATHS.options);
    if (request) return request;
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('the filter options were not asked for');
}

describe("the chart frames' filter words", () => {
  function setUp() {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideFrameFilterWords()],
    });
    return { http: TestBed.inject(HttpTestingController), words: TestBed.inject(FRAME_FILTER_WORDS) };
  }

  it("are the URL's filter as the chips read it, program names from the options", async () => {
    const { http, words } = setUp();
    await TestBed.inject(Router).navigateByUrl('/?programId=3&payer=medicaid');
    const answer = words();
    (await optionsRequest(http)).flush(OPTIONS);
    expect(await answer).toEqual(['Program: Evening IOP', 'Payer: Medicaid']);
  });

  it('ask for the options only when a filter names a program or counselor', async () => {
    const { http, words } = setUp();
    await TestBed.inject(Router).navigateByUrl('/?payer=medicaid&levelOfCare=2.1');
    expect(await words()).toEqual(['Level of care: Level 2.1 (intensive outpatient)', 'Payer: Medicaid']);
    http.expectNone(FILTERS_PATHS.options);
  });

  it('name a program by its id when the options cannot be read', async () => {
    const { http, words } = setUp();
    await TestBed.inject(Router).navigateByUrl('/?programId=3');
    const answer = words();
    (await optionsRequest(http)).flush('down', { status: 503, statusText: 'Service Unavailable' });
    expect(await answer).toEqual(['Program: #3']);
  });
});
