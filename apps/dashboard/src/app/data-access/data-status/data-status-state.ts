import { inject, Injectable, signal } from '@angular/core';
import type { DataStatus } from '@iop/contracts';
import { DataApi } from '../api/data-api';

/**
 * What every page states about the data: its as-of date, when and from where it was last loaded, and whether
 * it is the generated demonstration network. Asked once per session (the shell calls `load` when someone signs
 * in) and again after an import has written new data; the pages only read `status`.
 */
@Injectable({ providedIn: 'root' })
export class DataStatusState {
  private readonly api = inject(DataApi);
  private readonly current = signal<DataStatus | null>(null);
  /** Counts requests, so that the answer of one made before `forget` or a newer `reload` is dropped. */
  private generation = 0;
  private loaded = false;

  /** null until the API has answered (and after a failed request: the pages then say nothing about it). */
  readonly status = this.current.asReadonly();

  /** Asks the API unless it has already been asked this session. */
  load(): void {
    if (this.loaded) return;
    this.reload();
  }

  /** Asks the API again (after an import succeeded). */
  reload(): void {
    this.loaded = true;
    const generation = ++this.generation;
    this.api.status().then(
      (status) => {
        if (generation === this.generation) this.current.set(status);
      },
      // A page works without the line; the next session asks again.
      () => {
        if (generation === this.generation) this.loaded = false;
      },
    );
  }

  /** Signed out: the next user's session asks again. */
  forget(): void {
    this.generation++;
    this.loaded = false;
    this.current.set(null);
  }
}
