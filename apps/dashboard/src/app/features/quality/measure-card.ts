import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { ReferenceLine } from '../../ui/benchmarks/reference-line';
import { type MeasureCardDisplay, SUPPRESSION_NOTE } from './quality-display';
import type { MeasureReferences } from './quality-references';
import { SmallCellMark } from './small-cell-mark';

/**
 * One quality measure: its rate with the 95% interval, numerator of denominator, the exclusions with their
 * counts, and a button that opens its trend and breakdown below the cards.
 */
@Component({
  selector: 'iop-measure-card',
  imports: [MatButton, MatCard, MatCardContent, ReferenceLine, SmallCellMark],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let measure = display();
    <mat-card appearance="outlined" class="measure-card" [class.selected]="selected()">
      <mat-card-content>
        <h3 class="measure-name">{{ measure.name }}</h3>
        <div class="measure-figure">
          <!-- The value's text is exactly the formatted rate (tests compare it): no padding. -->
          <!-- prettier-ignore -->
          <p class="measure-value" [class.measure-value-suppressed]="measure.suppressed" [attr.data-testid]="'quality-rate-' + measure.id">{{ measure.value }}</p>
          @if (measure.smallCell) {
            <iop-small-cell-mark [testId]="'quality-small-' + measure.id" />
          }
        </div>
        @if (measure.interval) {
          <!-- prettier-ignore -->
          <p class="measure-detail" [attr.data-testid]="'quality-interval-' + measure.id">{{ measure.interval }}</p>
        }
        <!-- prettier-ignore -->
        <p class="measure-detail" [attr.data-testid]="'quality-counts-' + measure.id">{{ measure.counts }}</p>
        @if (references().benchmark; as benchmark) {
          <iop-reference-line [display]="benchmark" [testId]="'quality-benchmark-' + measure.id" />
        }
        @if (references().target; as target) {
          <iop-reference-line [display]="target" [testId]="'quality-target-' + measure.id" />
        }
        @if (measure.suppressed) {
          <p class="measure-note" [attr.data-testid]="'quality-suppressed-' + measure.id">
            {{ suppressionNote }}
            @if (measure.suppressionReason) {
              Reason: {{ measure.suppressionReason }}.
            }
          </p>
        }
        @if (measure.exclusions.length) {
          <p class="exclusions-heading">Excluded from the denominator</p>
          <ul class="exclusions" [attr.data-testid]="'quality-exclusions-' + measure.id">
            @for (exclusion of measure.exclusions; track exclusion.reason) {
              <li>
                {{ exclusion.reason }}: <span class="exclusion-count">{{ exclusion.count }}</span>
                @if (exclusion.small) {
                  {{ ' ' }}<iop-small-cell-mark testId="quality-exclusion-small" />
                }
              </li>
            }
          </ul>
        } @else {
          <p class="measure-note">No exclusions.</p>
        }
        <p class="measure-definition">{{ measure.definition }}.</p>
        <button
          matButton="outlined"
          type="button"
          [attr.data-testid]="'quality-select-' + measure.id"
          [attr.aria-pressed]="selected()"
          (click)="choose.emit(measure.id)"
        >
          Trend and breakdown<span class="visually-hidden"> of {{ measure.name }}</span>
        </button>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    @use '../../ui/styles/number-card';

    :host {
      display: block;
    }
    .measure-card {
      height: 100%;
    }
    .measure-card.selected {
      outline: 2px solid var(--mat-sys-primary);
    }
    .measure-name {
      @include number-card.label;
    }
    .measure-figure {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .measure-value {
      @include number-card.value($font: var(--mat-sys-display-small));
    }
    .measure-value-suppressed {
      font: var(--mat-sys-headline-small);
    }
    .measure-detail {
      margin: 2px 0;
      font: var(--mat-sys-body-medium);
    }
    .measure-note,
    .measure-definition,
    .exclusions-heading {
      margin: 8px 0 2px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .exclusions {
      margin: 0 0 8px;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-small);
    }
    .exclusion-count {
      font-variant-numeric: tabular-nums;
    }
    .measure-definition {
      margin-block-end: 12px;
    }
  `,
})
export class MeasureCard {
  readonly display = input.required<MeasureCardDisplay>();
  readonly selected = input(false);
  /** The measure's benchmark, or why none is drawn, and the selected program's target. */
  readonly references = input<MeasureReferences>({ benchmark: null, target: null });
  readonly choose = output<MeasureCardDisplay['id']>();
  protected readonly suppressionNote = SUPPRESSION_NOTE;
}
