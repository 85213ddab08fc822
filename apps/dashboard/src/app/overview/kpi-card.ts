import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { KpiDisplay } from './overview-display';

let nextKpiId = 0;

/** One headline number: its label, the formatted value, the lines that qualify it, what it means. */
@Component({
  selector: 'iop-kpi-card',
  imports: [MatCard, MatCardContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="kpi-card">
      <mat-card-content>
        <h2 class="kpi-label" [id]="labelId">{{ label() }}</h2>
        <!-- The value's text is exactly the formatted number (tests compare it): no padding. -->
        <!-- prettier-ignore -->
        <p class="kpi-value" [class.kpi-value-suppressed]="kpi().suppressed" [attr.data-testid]="testId()">{{ kpi().value }}</p>
        @for (detail of kpi().details; track $index) {
          <!-- prettier-ignore -->
          <p class="kpi-detail" [attr.data-testid]="testId() + '-detail'">{{ detail }}</p>
        }
        @if (kpi().suppressed) {
          <p class="kpi-suppression-note" [attr.data-testid]="testId() + '-suppressed'">
            Withheld to protect privacy: counts from 1 to 10, and numbers from which such a count could be worked out,
            are not shown.
          </p>
        }
        <p class="kpi-definition">{{ definition() }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .kpi-card {
      height: 100%;
    }
    .kpi-label {
      margin: 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi-value {
      margin: 4px 0;
      font: var(--mat-sys-display-small);
      font-variant-numeric: tabular-nums;
    }
    .kpi-value-suppressed {
      font: var(--mat-sys-headline-small);
    }
    .kpi-detail,
    .kpi-suppression-note,
    .kpi-definition {
      margin: 2px 0;
      font: var(--mat-sys-body-medium);
    }
    .kpi-definition,
    .kpi-suppression-note {
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi-definition {
      margin-block-start: 8px;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class KpiCard {
  readonly label = input.required<string>();
  readonly kpi = input.required<KpiDisplay>();
  /** Stable hook for the end-to-end tests; the element carrying it holds only the formatted value. */
  readonly testId = input.required<string>();
  /** One plain sentence saying what the number counts. */
  readonly definition = input('');

  protected readonly labelId = `iop-kpi-label-${nextKpiId++}`;
}
