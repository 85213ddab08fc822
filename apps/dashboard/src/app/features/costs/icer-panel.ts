import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Icer, SuppressedValue } from '@iop/contracts';
import { toIcerDisplay } from './icer-display';

/**
 * The incremental cost-effectiveness of IOP against standard outpatient care for both effects. Text rather
 * than a chart: the ratio means something only with its dominance label, which is a sentence.
 */
@Component({
  selector: 'iop-icer-panel',
  imports: [MatCard, MatCardContent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2 class="icer-heading">Incremental cost-effectiveness: IOP against standard outpatient care</h2>
        <p class="icer-meta">
          <span>{{ dollarBasis() }}</span>
          <a routerLink="/definitions" fragment="icer" data-testid="icer-definition">How is this computed?</a>
        </p>
        <div class="icer-grid">
          @for (item of items(); track item.effect) {
            <section class="icer-item" [attr.data-testid]="'icer-' + item.effect">
              <h3>
                {{ item.heading }}
                <span class="status" [attr.data-testid]="'icer-' + item.effect + '-status'">{{
                  item.statusLabel
                }}</span>
              </h3>
              <!-- prettier-ignore -->
              <p class="verdict" [attr.data-testid]="'icer-' + item.effect + '-verdict'">{{ item.verdict }}</p>
              <ul>
                @for (detail of item.details; track $index) {
                  <li>{{ detail }}</li>
                }
              </ul>
            </section>
          }
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .icer-heading {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .icer-meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .icer-meta a {
      color: var(--mat-sys-primary);
    }
    .icer-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 16px;
      margin-block-start: 12px;
    }
    h3 {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .status {
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
    }
    .verdict {
      margin: 8px 0;
      font: var(--mat-sys-body-large);
    }
    ul {
      margin: 0;
      padding-inline-start: 20px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class IcerPanel {
  readonly perAdditionalCompleter = input.required<Icer | SuppressedValue>();
  readonly perAdditionalAbstinent = input.required<Icer | SuppressedValue>();
  /** "2025 US dollars, charges at face value". */
  readonly dollarBasis = input.required<string>();

  protected readonly items = computed(() => [
    toIcerDisplay(this.perAdditionalCompleter(), 'completer'),
    toIcerDisplay(this.perAdditionalAbstinent(), 'abstinent'),
  ]);
}
