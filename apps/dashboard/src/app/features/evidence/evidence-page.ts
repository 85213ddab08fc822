import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { EvidenceApi } from '../../data-access/api/evidence-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { DataStatusState } from '../../data-access/data-status/data-status-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { DataLoaded } from '../../ui/data-status/data-loaded';
import { formatCalendarDate } from '../../ui/formats/number-format';
import { ClaimCard } from './claim-card';

/** The evidence board: every claim of the article tested on the filtered episodes, one request for all cards. */
@Component({
  selector: 'iop-evidence-page',
  imports: [ClaimCard, DataLoaded, MatButton, MatCard, MatCardContent],
  templateUrl: './evidence-page.html',
  styleUrl: './evidence-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidencePage {
  /** When and from where the data was last loaded, stated after the as-of date. */
  protected readonly dataStatus = inject(DataStatusState).status;
  private readonly board = inject(EvidenceApi).board(inject(FilterState).filters);

  protected readonly state = frameStateOf(this.board, (value) => value.claims.every((claim) => claim.n === 0));
  protected readonly errorMessage = errorMessageOf(this.board);
  protected readonly claims = computed(() => (this.board.hasValue() ? (this.board.value()?.claims ?? []) : []));
  protected readonly asOf = computed(() => {
    const asOf = this.board.hasValue() ? this.board.value()?.asOf : null;
    return asOf ? { iso: asOf, text: formatCalendarDate(asOf) } : null;
  });

  protected retry(): void {
    this.board.reload();
  }
}
