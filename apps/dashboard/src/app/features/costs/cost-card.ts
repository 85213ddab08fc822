import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import type { HeadlineCost } from './costs-display';

/** One headline amount of the payer's page: what it is, the dollars, and what the charges were divided by. */
@Component({
  selector: 'iop-cost-card',
  imports: [MatCard, MatCardContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="cost-card">
      <mat-card-content>
        <h3 class="cost-label">{{ cost().label }}</h3>
        <!-- The value's text is exactly the formatted amount (tests compare it): no padding. -->
        <!-- prettier-ignore -->
        <p class="cost-value" [attr.data-testid]="'cost-card-' + cost().key">{{ cost().value }}</p>
        <p class="cost-detail">{{ cost().detail }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    @use '../../ui/styles/number-card';

    :host {
      display: block;
    }
    .cost-card {
      height: 100%;
    }
    .cost-label {
      @include number-card.label;
    }
    // Smaller than a KPI's value: a dollar amount with cents is longer than a rate.
    .cost-value {
      @include number-card.value($font: var(--mat-sys-headline-large));
    }
    .cost-detail {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CostCard {
  readonly cost = input.required<HeadlineCost>();
}
