import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';
import { SMALL_CELL_NOTE } from '@iop/contracts';
import { SMALL_CELL_MARK } from './quality-display';

/**
 * The "small n" chip beside an exact value that rests on 1-10 episodes: shown to the roles that see exact
 * values, with its meaning as a tooltip and, for screen readers, as text.
 */
@Component({
  selector: 'iop-small-cell-mark',
  imports: [MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- prettier-ignore -->
    <span class="small-cell-mark" tabindex="0" [attr.data-testid]="testId()" [matTooltip]="explanation">{{ mark }}<span class="visually-hidden">: {{ explanation }}</span></span>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .small-cell-mark {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .small-cell-mark:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class SmallCellMark {
  readonly testId = input('small-cell-mark');
  protected readonly mark = SMALL_CELL_MARK;
  protected readonly explanation = SMALL_CELL_NOTE;
}
