import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { API_BASE_PATH, type ImportJob, type ImportList, type ImportMode } from '@iop/contracts';
import { firstValueFrom, type Observable, timer } from 'rxjs';

/** The imports of a program's own data (admins only). */
export const IMPORTS_PATHS = {
  imports: `${API_BASE_PATH}/imports`,
} as const;

export function importPath(id: string): string {
  return `${IMPORTS_PATHS.imports}/${encodeURIComponent(id)}`;
}

/** Every rejected row of an import as CSV, for a plain download link (the cookie authenticates it). */
export function rejectionsCsvPath(id: string): string {
  return `${importPath(id)}/rejections.csv`;
}

/** What an upload sends: the files and how to import them. */
export interface ImportUpload {
  files: readonly File[];
  sourceSystem: string;
  mode: ImportMode;
  /** true: check and count, write nothing (the page always checks first). */
  dryRun: boolean;
}

/**
 * What the page waits for between two looks at a running import (within the 0.5-1 s an import's progress is
 * worth). A token so that a test can say when the next look happens instead of waiting.
 */
export const IMPORT_POLL_WAIT = new InjectionToken<() => Observable<unknown>>('import poll wait', {
  providedIn: 'root',
  factory: () => () => timer(750),
});

/**
 * The import endpoints. The list is a resource (call it in an injection context); the rest are plain requests
 * whose promise rejects with the API's HttpErrorResponse ({ statusCode, message }).
 */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** GET /imports: the organisation's imports, newest first, with the upload limits. */
  imports(): HttpResourceRef<ImportList | undefined> {
    return httpResource<ImportList>(() => IMPORTS_PATHS.imports);
  }

  /** POST /imports (multipart): the files are stored and the import queued; the answer is the queued job. */
  upload(upload: ImportUpload): Promise<ImportJob> {
    const form = new FormData();
    for (const file of upload.files) form.append('files', file, file.name);
    form.append('sourceSystem', upload.sourceSystem);
    form.append('mode', upload.mode);
    form.append('dryRun', String(upload.dryRun));
    return firstValueFrom(this.http.post<ImportJob>(IMPORTS_PATHS.imports, form));
  }

  /** GET /imports/:id: the job now (an observable, so that leaving the page cancels the request). */
  job(id: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(importPath(id));
  }

  /** POST /imports/:id/confirm: the real import of a checked dry run, queued; 409 when it cannot be confirmed. */
  confirm(id: string): Promise<ImportJob> {
    return firstValueFrom(this.http.post<ImportJob>(`${importPath(id)}/confirm`, {}));
  }
}
