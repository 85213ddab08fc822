import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A formatted headline number and the lines that qualify it (interval, n). */
export interface HeadlineFigureValue {
  value: string;
  details: string[];
  /** Withheld by small-cell suppression: the value is then a phrase, not digits. */
  suppressed: boolean;
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
}
