import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_BASE_PATH, type EvidenceClaimDetail, type EvidenceResponse } from '@iop/contracts';
import { type FiltersSource, NO_FILTERS, toQueryParams } from './query-params';

export const EVIDENCE_PATHS = {
  board: `${API_BASE_PATH}/evidence`,
  claim: (id: number) => `${API_BASE_PATH}/evidence/${id}`,
} as const;

/** GET /api/v1/evidence and /api/v1/evidence/:id; call in an injection context, like every resource method. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  board(filters: FiltersSource = NO_FILTERS): HttpResourceRef<EvidenceResponse | undefined> {
    return httpResource<EvidenceResponse>(() => ({ url: EVIDENCE_PATHS.board, params: toQueryParams(filters()) }));
  }

  /** No request while `id` gives undefined (no claim chosen yet). */
  claim(filters: FiltersSource, id: () => number | undefined): HttpResourceRef<EvidenceClaimDetail | undefined> {
    return httpResource<EvidenceClaimDetail>(() => {
      const claimId = id();
      return claimId === undefined
        ? undefined
        : { url: EVIDENCE_PATHS.claim(claimId), params: toQueryParams(filters()) };
    });
  }
}
