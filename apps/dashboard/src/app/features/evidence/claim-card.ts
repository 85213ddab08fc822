import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { EvidenceClaim } from '@iop/contracts';
import { EvidenceApi } from '../../data-access/api/evidence-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { toFilterQueryParams } from '../../data-access/filters/filter-params';
import { claimPanels } from './claim-panels';
import { ClaimSummary } from './claim-summary';
import { EvidencePanelView } from './evidence-panel-view';

/**
 * One claim on the board. Survival claims draw their curves from the detail endpoint (two small requests,
 * cached per filter by the API); every other chart comes with the board's answer.
 */
@Component({
  selector: 'iop-evidence-claim-card',
  imports: [MatCard, MatCardContent, RouterLink, ClaimSummary, EvidencePanelView],
  template: `
    @let current = claim();
    <mat-card appearance="outlined" class="claim-card" [attr.data-testid]="'claim-card-' + current.id">
      <mat-card-content>
        <p class="claim-number">Claim {{ current.id }}</p>
        <h2 class="claim-text" [id]="'claim-heading-' + current.id">“{{ claimText() }}”</h2>
        <iop-evidence-claim-summary [claim]="current" />
        @for (panel of panels(); track panel.key) {
          <iop-evidence-panel
            [panel]="panel"
            [state]="panelState()"
            [errorMessage]="detailError()"
            (retry)="detail.reload()"
          />
        }
        <a
          class="open-link"
          [routerLink]="['/evidence', current.id]"
          [queryParams]="filterQuery()"
          [attr.data-testid]="'claim-open-' + current.id"
          >Details of claim {{ current.id }}: full charts and method</a
        >
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .claim-card {
      height: 100%;
    }
    .claim-number {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .claim-text {
      margin: 4px 0 12px;
      font: var(--mat-sys-title-large);
    }
    .open-link {
      display: inline-block;
      margin-block-start: 12px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      padding: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimCard {
  readonly claim = input.required<EvidenceClaim>();
  private readonly filters = inject(FilterState).filters;

  protected readonly detail = inject(EvidenceApi).claim(this.filters, () =>
    this.claim().chart.type === 'survival' ? this.claim().id : undefined,
  );
  private readonly detailState = frameStateOf(this.detail);
  protected readonly detailError = errorMessageOf(this.detail);

  protected readonly claimText = computed(() => {
    const text = this.claim().claim;
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  protected readonly filterQuery = computed(() => toFilterQueryParams(this.filters()));
  protected readonly panels = computed(() =>
    claimPanels(this.claim(), false, this.detail.hasValue() ? this.detail.value()?.detail : undefined),
  );
  /** Board charts are ready with the board, except survival curves, which wait for their detail. */
  protected readonly panelState = computed(() =>
    this.claim().chart.type === 'survival' ? this.detailState() : 'ready',
  );
}
