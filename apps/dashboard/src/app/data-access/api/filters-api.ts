import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_BASE_PATH, type FilterOptionsResponse } from '@iop/contracts';
import { firstValueFrom } from 'rxjs';

export const FILTERS_PATHS = {
  options: `${API_BASE_PATH}/filters/options`,
} as const;

/** GET /api/v1/filters/options: the values each filter can take (not filtered itself). */
@Injectable({ providedIn: 'root' })
export class FiltersApi {
  private readonly http = inject(HttpClient);

  /** As a resource, for a component that shows the choices; call it in an injection context. */
  options(): HttpResourceRef<FilterOptionsResponse | undefined> {
    return httpResource<FilterOptionsResponse>(() => FILTERS_PATHS.options);
  }

  /** Once, at the moment it is needed (a download naming the filter's programs); rejects when it fails. */
  fetchOptions(): Promise<FilterOptionsResponse> {
    return firstValueFrom(this.http.get<FilterOptionsResponse>(FILTERS_PATHS.options));
  }
}
