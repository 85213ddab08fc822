import type { Injector } from '@angular/core';
import type { EpisodeFilters, FilterOptionsResponse } from '@iop/contracts';
import { FiltersApi } from '../../data-access/api/filters-api';
import { FilterState } from '../../data-access/filters/filter-state';
import { filterChips } from '../../ui/formats/filter-chips';

/** Program and counselor filters are ids in the URL; their names come from the filter options. */
function needsNames(filters: EpisodeFilters): boolean {
  return Boolean(filters.programId?.length || filters.counselorId?.length);
}

/**
 * The URL's filter in the words of the filter bar's chips ("Payer: Medicaid"). The options are fetched only
 * when names are needed; without them (they failed to load) a program reads as its id, "#3".
 */
export async function currentFilterWords(injector: Injector): Promise<string[]> {
  const filters = injector.get(FilterState).filters();
  let options: FilterOptionsResponse | undefined;
  if (needsNames(filters))
    options = await injector
      .get(FiltersApi)
      .fetchOptions()
      .catch(() => undefined);
  return filterChips(filters, options).map((chip) => chip.label);
}
