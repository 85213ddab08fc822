import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_BASE_PATH, type DataQualityReport, type DataStatus } from '@iop/contracts';
import { firstValueFrom } from 'rxjs';

/** The loaded data itself: how fresh it is (every role) and how complete and plausible (admins). */
export const DATA_PATHS = {
  status: `${API_BASE_PATH}/data/status`,
  quality: `${API_BASE_PATH}/data/quality`,
} as const;

@Injectable({ providedIn: 'root' })
export class DataApi {
  private readonly http = inject(HttpClient);

  /** GET /data/status: the as-of date, when and from which source the data was last loaded, and whether it is synthetic. */
  status(): Promise<DataStatus> {
    return firstValueFrom(this.http.get<DataStatus>(DATA_PATHS.status));
  }

  /** GET /data/quality, as a resource (call it in an injection context). Admins only. */
  quality(): HttpResourceRef<DataQualityReport | undefined> {
    return httpResource<DataQualityReport>(() => DATA_PATHS.quality);
  }
}
