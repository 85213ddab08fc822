import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { ImportJob } from '@iop/contracts';
import { DataApi } from '../../data-access/api/data-api';
import { ImportsApi } from '../../data-access/api/imports-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { DataQualityPanel } from './data-quality-panel';
import type { UploadLimits } from './import-format';
import { ImportHistory } from './import-history';
import { ImportPanel } from './import-panel';

/**
 * The Data page (admins only): import a program's own files after checking what they would change, the
 * history of imports, and the quality of the loaded data. An import that wrote data refreshes the quality
 * report and the "Data as of" line of every page.
 */
@Component({
  selector: 'iop-data-page',
  imports: [DataQualityPanel, ImportHistory, ImportPanel],
  templateUrl: './data-page.html',
  styleUrl: './data-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataPage {
  private readonly historyResource = inject(ImportsApi).imports();
  private readonly qualityResource = inject(DataApi).quality();
  private readonly dataStatus = inject(DataStatusState);

  /** Kept while a reload runs, so that the table does not blink when a job finishes. */
  protected readonly history = computed(() =>
    this.historyResource.hasValue() ? (this.historyResource.value()?.imports ?? []) : undefined,
  );
  protected readonly historyError = errorMessageOf(this.historyResource);
  protected readonly limits = computed((): UploadLimits | null => {
    const list = this.historyResource.hasValue() ? this.historyResource.value() : undefined;
    return list ? { maxFileBytes: list.maxFileBytes, maxFiles: list.maxFiles } : null;
  });

  protected readonly quality = computed(() =>
    this.qualityResource.hasValue() ? this.qualityResource.value() : undefined,
  );
  protected readonly qualityError = errorMessageOf(this.qualityResource);

  protected refreshHistory(): void {
    this.historyResource.reload();
  }

  protected refreshQuality(): void {
    this.qualityResource.reload();
  }

  protected importFinished(job: ImportJob): void {
    this.refreshHistory();
    if (!job.dryRun && job.status === 'succeeded') {
      this.refreshQuality();
      this.dataStatus.reload();
    }
  }
}
