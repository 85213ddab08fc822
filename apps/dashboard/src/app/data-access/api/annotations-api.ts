import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { computed, inject, Injectable, type Signal } from '@angular/core';
import {
  API_BASE_PATH,
  type Annotation,
  type AnnotationList,
  type AnnotationQuery,
  type AnnotationValue,
  type EpisodeFilters,
} from '@iop/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { toQueryParams } from './query-params';

/** The notes on the charts (docs/ARCHITECTURE.md "Annotations"). */
export const ANNOTATIONS_PATHS = {
  list: `${API_BASE_PATH}/annotations`,
  annotation: (id: number) => `${API_BASE_PATH}/annotations/${id}`,
} as const;

/**
 * The part of the episode filter the notes are chosen by: its programs and its admission window (a chart by month
 * of admission spans the filter's from and to).
 */
export function annotationQueryOf(filters: EpisodeFilters): AnnotationQuery {
  return { programId: filters.programId, from: filters.from, to: filters.to };
}

/**
 * The notes endpoints. Lists are resources (call them in an injection context); writes are plain requests whose
 * promise rejects with the API's HttpErrorResponse.
 */
@Injectable({ providedIn: 'root' })
export class AnnotationsApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);

  /**
   * GET /annotations for the query of the moment, once signed in (keyed on the user, so that another user's notes
   * are asked for again); undefined sends nothing.
   */
  list(query: () => AnnotationQuery | undefined): HttpResourceRef<AnnotationList | undefined> {
    return httpResource<AnnotationList>(() => {
      const current = query();
      return current === undefined || !this.session.user()
        ? undefined
        : { url: ANNOTATIONS_PATHS.list, params: toQueryParams(current) };
    });
  }

  /**
   * The notes to mark on the charts of a page filtered by `filters` (its programs and admission window): none while
   * they load or when they cannot be read, so that a chart never waits for its notes.
   */
  chartNotes(filters: () => EpisodeFilters): Signal<Annotation[]> {
    const list = this.list(() => annotationQueryOf(filters()));
    return computed(() => (list.hasValue() ? (list.value()?.annotations ?? []) : []));
  }

  create(value: AnnotationValue): Promise<Annotation> {
    return firstValueFrom(this.http.post<Annotation>(ANNOTATIONS_PATHS.list, value));
  }

  update(id: number, value: AnnotationValue): Promise<Annotation> {
    return firstValueFrom(this.http.put<Annotation>(ANNOTATIONS_PATHS.annotation(id), value));
  }

  async remove(id: number): Promise<void> {
    await firstValueFrom(this.http.delete<void>(ANNOTATIONS_PATHS.annotation(id)));
  }
}
