import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type {
  CostSummaryResponse,
  EvidenceClaimDetail,
  EvidenceResponse,
  FilterOptionsResponse,
  RetentionGroupBy,
  RetentionResponse,
} from '@iop/contracts';
import { API_PATHS, type FiltersSource, NO_FILTERS, toQueryParams } from './api-paths';

/** GET /api/v1/retention; call in an injection context, like every resource method. */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  curves(
    filters: FiltersSource = NO_FILTERS,
    groupBy: () => RetentionGroupBy = () => 'levelOfCare',
  ): HttpResourceRef<RetentionResponse | undefined> {
    return httpResource<RetentionResponse>(() => ({
      url: API_PATHS.retention,
      params: toQueryParams({ ...filters(), groupBy: groupBy() }),
    }));
  }
}

/** GET /api/v1/costs/summary. */
@Injectable({ providedIn: 'root' })
export class CostsApi {
  summary(filters: FiltersSource = NO_FILTERS): HttpResourceRef<CostSummaryResponse | undefined> {
    return httpResource<CostSummaryResponse>(() => ({ url: API_PATHS.costSummary, params: toQueryParams(filters()) }));
  }
}

/** GET /api/v1/evidence and /api/v1/evidence/:id. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  board(filters: FiltersSource = NO_FILTERS): HttpResourceRef<EvidenceResponse | undefined> {
    return httpResource<EvidenceResponse>(() => ({ url: API_PATHS.evidence, params: toQueryParams(filters()) }));
  }

  /** No request while `id` gives undefined (no claim chosen yet). */
  claim(filters: FiltersSource, id: () => number | undefined): HttpResourceRef<EvidenceClaimDetail | undefined> {
    return httpResource<EvidenceClaimDetail>(() => {
      const claimId = id();
      return claimId === undefined
        ? undefined
        : { url: `${API_PATHS.evidence}/${claimId}`, params: toQueryParams(filters()) };
    });
  }
}

/** GET /api/v1/filters/options: the values each filter can take (not filtered itself). */
@Injectable({ providedIn: 'root' })
export class FiltersApi {
  options(): HttpResourceRef<FilterOptionsResponse | undefined> {
    return httpResource<FilterOptionsResponse>(() => API_PATHS.filterOptions);
  }
}
