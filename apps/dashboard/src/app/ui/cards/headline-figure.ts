import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SMALL_CELL_NOTE } from '@iop/contracts';
import { WITHHELD_TEXT } from '../formats/number-format';

/** A formatted headline number and the lines that qualify it (interval, n). */
export interface HeadlineFigureValue {
  value: string;
  details: string[];
  /** Withheld by small-cell suppression: the value is then a phrase, not digits. */
  suppressed: boolean;
  /**
   * Exact, but resting on 1-10 episodes (a count, or a rate's numerator, denominator or their difference): a payer
   * would get it withheld; the roles that see it exactly see it marked, so that it is read with care.
   */
  smallCell?: boolean;
}

/** The API's reason for a withheld value when it says more than "fewer than 11" does; '' otherwise. */
export function reasonBeyondWithheldText(reason: string): string {
  const trimmed = reason.trim();
  return trimmed.toLowerCase() === WITHHELD_TEXT ? '' : trimmed;
}

/** A withheld headline: "fewer than 11", with the API's reason when it says more than that. */
export function withheldFigure(reason: string): HeadlineFigureValue {
  const shown = reasonBeyondWithheldText(reason);
  return { value: WITHHELD_TEXT, details: shown ? [`Reason: ${shown}`] : [], suppressed: true };
}

/**
 * The top of every headline card (overview KPIs, attendance headlines): label, value and qualifying lines.
 * The cards add what differs below it: the trend, the suppression note, the definition link.
 */
@Component({
  selector: 'iop-headline-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="figure-label">{{ label() }}</h2>
    <!-- The value's text is exactly the formatted number (tests compare it): no padding. -->
    <!-- prettier-ignore -->
    <p class="figure-value" [class.figure-value-suppressed]="figure().suppressed" [attr.data-testid]="testId()">{{ figure().value }}</p>
    @if (figure().smallCell) {
      <p class="figure-small-cell" [attr.data-testid]="testId() + '-small-cell'">
        <span class="small-cell-badge">Small count</span> {{ smallCellNote }}
      </p>
    }
    @for (detail of figure().details; track $index) {
      <!-- prettier-ignore -->
      <p class="figure-detail" [attr.data-testid]="testId() + '-detail'">{{ detail }}</p>
    }
  `,
  styles: `
    @use '../styles/number-card';

    :host {
      display: block;
    }
    .figure-label {
      @include number-card.label;
    }
    .figure-value {
      @include number-card.value;
    }
    // A withheld value is a phrase rather than digits; at display size it would crowd the card.
    .figure-value-suppressed {
      font: var(--mat-sys-headline-small);
    }
    .figure-small-cell {
      margin: 2px 0 6px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .small-cell-badge {
      display: inline-block;
      padding: 0 6px;
      border-radius: 4px;
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-tertiary-container);
      background: var(--mat-sys-tertiary-container);
    }
    .figure-detail {
      margin: 2px 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class HeadlineFigure {
  readonly label = input.required<string>();
  readonly figure = input.required<HeadlineFigureValue>();
  /** Stable hook for the tests; the element carrying it holds only the formatted value. */
  readonly testId = input.required<string>();
  protected readonly smallCellNote = SMALL_CELL_NOTE;
}
