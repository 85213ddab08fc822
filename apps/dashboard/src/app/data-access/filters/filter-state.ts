import { computed, inject, Injectable, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { EpisodeFilters } from '@iop/contracts';
import { parseFilters, sameFilters, toFilterQueryParams } from './filter-params';

/**
 * The episode filter of the whole dashboard, kept in the URL so that a filtered view can be bookmarked,
 * shared and reloaded, and so that the back button undoes a filter change. Pages read `filters` and pass it
 * to the API client; the filter bar writes it with `update` and `clear`.
 */
@Injectable({ providedIn: 'root' })
export class FilterState {
  private readonly router = inject(Router);
  // Query parameters are shared by the whole route tree, so the root route sees the current page's.
  private readonly queryParamMap = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  /** The filter the URL asks for; a change of another parameter (groupBy, say) keeps the same object. */
  readonly filters: Signal<EpisodeFilters> = computed(() => parseFilters(this.queryParamMap()), {
    equal: sameFilters,
  });

  /** Sets the given filter fields (an empty list or an empty string unsets one), keeping the others. */
  update(patch: Partial<EpisodeFilters>): Promise<boolean> {
    return this.navigate({ ...this.filters(), ...patch });
  }

  /** Removes every filter parameter and leaves the page's own parameters alone. */
  clear(): Promise<boolean> {
    return this.navigate({});
  }

  private navigate(filters: EpisodeFilters): Promise<boolean> {
    return this.router.navigate([], {
      queryParams: toFilterQueryParams(filters),
      queryParamsHandling: 'merge',
    });
  }
}
