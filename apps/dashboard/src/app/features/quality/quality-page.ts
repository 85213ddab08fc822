import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import type { QualityMeasureId, QualityMeasuresResponse } from '@iop/contracts';
import { BenchmarksApi } from '../../data-access/api/benchmarks-api';
import { QualityApi } from '../../data-access/api/quality-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { DataLoaded } from '../../ui/data-status/data-loaded';
import { formatCalendarDate } from '../../ui/formats/number-format';
import { MeasureCard } from './measure-card';
import { MeasureDetail } from './measure-detail';
import { isQualityMeasureId, toMeasureCard } from './quality-display';
import { measureReferences } from './quality-references';

/**
 * The quality team's page: one card per standard measure (IET, POD, PDC, follow-up) under the dashboard's
 * filter, and the chosen measure's trend, breakdown and patient list. The chosen measure lives in the URL
 * (`measure`) next to the filters, so that a reload or a shared link opens the same view.
 */
@Component({
  selector: 'iop-quality-page',
  imports: [DataLoaded, MatButton, MeasureCard, MeasureDetail],
  templateUrl: './quality-page.html',
  styleUrl: './quality-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualityPage {
  /** When and from where the data was last loaded, stated after the as-of date. */
  protected readonly dataStatus = inject(DataStatusState).status;
  private readonly router = inject(Router);
  private readonly queryParamMap = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  private readonly filters = inject(FilterState).filters;
  private readonly measuresResource = inject(QualityApi).measures(this.filters);
  private readonly benchmarksApi = inject(BenchmarksApi);
  private readonly programTargets = this.benchmarksApi.targetsFor(this.filters);

  protected readonly state = frameStateOf(
    this.measuresResource,
    (response: QualityMeasuresResponse) => response.measures.length === 0,
  );
  protected readonly errorMessage = errorMessageOf(this.measuresResource);
  protected readonly cards = computed(() =>
    this.state() === 'ready'
      ? (this.measuresResource.value()?.measures ?? []).map((measure) => ({
          display: toMeasureCard(measure),
          references: measureReferences(
            measure.id,
            measure.rate,
            this.benchmarksApi.benchmarks(),
            this.programTargets.targets(),
          ),
        }))
      : [],
  );
  protected readonly asOfText = computed(() => {
    const asOf = this.state() === 'ready' ? this.measuresResource.value()?.asOf : null;
    return asOf ? formatCalendarDate(asOf) : '';
  });

  /** An unknown id in the URL is no choice at all rather than an error. */
  protected readonly selected = computed<QualityMeasureId | undefined>(() => {
    const id = this.queryParamMap().get('measure');
    return isQualityMeasureId(id) ? id : undefined;
  });

  /** The chosen measure's benchmark and target, for its trend. */
  protected readonly selectedReferences = computed(
    () =>
      this.cards().find((card) => card.display.id === this.selected())?.references ?? { benchmark: null, target: null },
  );

  protected choose(measure: QualityMeasureId): void {
    void this.router.navigate([], { queryParams: { measure }, queryParamsHandling: 'merge' });
  }

  protected retry(): void {
    this.measuresResource.reload();
  }
}
