import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { EvidenceApi } from '../../data-access/api/evidence-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { toFilterQueryParams } from '../../data-access/filters/filter-params';
import { claimPanels } from './claim-panels';
import { ClaimSummary } from './claim-summary';
import { EvidencePanelView } from './evidence-panel-view';

/** One claim in full (/evidence/:id): every chart panel, the method and the covariates adjusted for. */
@Component({
  selector: 'iop-claim-page',
  imports: [ClaimSummary, EvidencePanelView, MatButton, MatCard, MatCardContent, RouterLink],
  templateUrl: './claim-page.html',
  styleUrl: './claim-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimPage {
  /** The route's :id, bound by withComponentInputBinding. */
  readonly id = input<number | undefined, unknown>(undefined, {
    transform: (value: unknown) => (value === undefined ? undefined : numberAttribute(value)),
  });
  private readonly filters = inject(FilterState).filters;
  protected readonly claim = inject(EvidenceApi).claim(this.filters, () => {
    const id = this.id();
    return id === undefined || Number.isNaN(id) ? undefined : id;
  });

  protected readonly state = frameStateOf(this.claim);
  protected readonly errorMessage = errorMessageOf(this.claim);
  protected readonly value = computed(() => (this.claim.hasValue() ? this.claim.value() : undefined));
  protected readonly panels = computed(() => {
    const claim = this.value();
    return claim ? claimPanels(claim, true, claim.detail) : [];
  });
  protected readonly claimText = computed(() => {
    const text = this.value()?.claim ?? '';
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  protected readonly filterQuery = computed(() => toFilterQueryParams(this.filters()));

  protected retry(): void {
    this.claim.reload();
  }
}
