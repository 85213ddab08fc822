import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';

/** Stands in for a page whose numbers the API does not compute yet, and says so plainly. */
@Component({
  selector: 'iop-placeholder-page',
  imports: [MatCard, MatCardContent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading() }}</h1>
    <mat-card appearance="outlined">
      <mat-card-content data-testid="placeholder">
        <p class="lead">This page arrives with the quality measures and reports.</p>
        @if (summary()) {
          <p>It will show: {{ summary() }}</p>
        }
        <p>Until then, the <a routerLink="/overview">Overview</a> has the headline numbers.</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
    }
    .lead {
      font: var(--mat-sys-title-medium);
    }
    p {
      max-width: 70ch;
    }
  `,
})
export class PlaceholderPage {
  /** From the route's data. */
  readonly heading = input('');
  readonly summary = input('');
}
