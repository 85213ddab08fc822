import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';
import type { BenchmarkDisplay } from './benchmark-display';

/**
 * A benchmark or target beside a figure: "Benchmark 37.7%: meets", or, for a benchmark on another population, why
 * no line is drawn. The source shows on hover and focus, and is in the text for screen readers.
 */
@Component({
  selector: 'iop-reference-line',
  imports: [MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let shown = display();
    @if (shown.kind === 'line') {
      <!-- prettier-ignore -->
      <p class="reference" tabindex="0" [attr.data-testid]="testId()" [attr.data-status]="shown.status" [matTooltip]="'Source: ' + shown.source">{{ shown.role }} {{ shown.valueText }}@if (shown.status) {: <strong class="reference-status">{{ shown.status }}</strong>}<span class="visually-hidden">. Source: {{ shown.source }}</span></p>
    } @else {
      <!-- prettier-ignore -->
      <p class="reference reference-not-comparable" tabindex="0" [attr.data-testid]="testId()" [matTooltip]="'Source: ' + shown.source">{{ shown.text }}<span class="visually-hidden"> Source: {{ shown.source }}</span></p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .reference {
      width: fit-content;
      margin: 2px 0;
      border-radius: 4px;
      font: var(--mat-sys-body-medium);
    }
    .reference-not-comparable {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .reference-status {
      font-weight: 600;
    }
    .reference:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class ReferenceLine {
  readonly display = input.required<BenchmarkDisplay>();
  readonly testId = input.required<string>();
}
