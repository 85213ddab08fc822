import { HttpClient } from '@angular/common/http';
import type { Injector } from '@angular/core';
import type { EpisodeFilters, FilterOptionsResponse } from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { API_PATHS } from '../api/api-paths';
import { filterChips } from '../filters/filter-chips';
import { FilterState } from '../filters/filter-state';

/** Program and counselor filters are ids in the URL; their names come from the filter options. */
function needsNames(filters: EpisodeFilters): boolean {
  return Boolean(filters.programId?.length || filters.counselorId?.length);
}

/**
 * The page's current filter in the words of the filter bar's chips ("Payer: Medicaid"), for a download's
 * About sheet. Every page's charts follow the one filter in the URL, so the frame reads it from FilterState
 * rather than from an input on each of its uses. Looked up through the injector at download time: the frame
 * also serves component tests with neither router nor HTTP, and the options are fetched only when names are
 * needed. Without the options (they failed to load) a program reads as its id, "#3".
 */
export async function currentFilterWords(injector: Injector): Promise<string[]> {
  const filters = injector.get(FilterState).filters();
  let options: FilterOptionsResponse | undefined;
  if (needsNames(filters)) {
    options = await firstValueFrom(injector.get(HttpClient).get<FilterOptionsResponse>(API_PATHS.filterOptions)).catch(
      () => undefined,
    );
  }
  return filterChips(filters, options).map((chip) => chip.label);
}
