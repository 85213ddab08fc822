import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { HeadlineFigure, type HeadlineFigureValue } from '../../ui/cards/headline-figure';

/** One headline number of the page: label, formatted value, its interval and n, and where it is defined. */
@Component({
  selector: 'iop-headline-number',
  imports: [HeadlineFigure, MatCard, MatCardContent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="headline-card">
      <mat-card-content>
        <iop-headline-figure [label]="label()" [figure]="headline()" [testId]="testId()" />
        @if (headline().suppressed) {
          <p class="headline-note">Withheld to protect privacy: counts from 1 to 10 are not shown.</p>
        }
        <p class="headline-note">
          {{ definition() }}
          @if (anchor()) {
            <a routerLink="/definitions" [fragment]="anchor()"
              >How is this computed?<span class="visually-hidden"> ({{ label() }})</span></a
            >
          }
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .headline-card {
      height: 100%;
    }
    .headline-note {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .headline-note a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class HeadlineNumber {
  readonly label = input.required<string>();
  readonly headline = input.required<HeadlineFigureValue>();
  /** Stable hook for the tests; the element carrying it holds only the formatted value. */
  readonly testId = input.required<string>();
  readonly definition = input('');
  /** Anchor on the definitions page. */
  readonly anchor = input('');
}
