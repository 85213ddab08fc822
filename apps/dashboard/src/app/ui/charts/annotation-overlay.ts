import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AnnotationMarker } from './chart-annotations';
import type { PlotBox } from './plot-box';

/** The height of a marker's numbered badge, and the step between badges of one month. */
const BADGE = 18;

/**
 * The notes of a month-axis chart as numbered markers over its plot: a dashed vertical line at the note's month
 * and a badge with its number, which the list under the chart (ChartFrame's `annotations`) explains. It is laid
 * over the chart (its parent must be positioned) and hidden from assistive technology, since the chart's text
 * alternative and the list carry the notes.
 */
@Component({
  selector: 'iop-annotation-overlay',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    @if (plot(); as box) {
      @for (marker of placed(); track marker.number) {
        <div
          class="annotation-marker"
          data-testid="annotation-marker"
          [attr.data-period]="marker.period"
          [style.left.px]="marker.x"
          [style.top.px]="box.top"
          [style.height.px]="box.height"
        >
          <span class="annotation-badge" [style.top.px]="marker.stack * badge">{{ marker.number }}</span>
        </div>
      }
    }
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .annotation-marker {
      position: absolute;
      width: 0;
      border-left: 2px dashed var(--mat-sys-tertiary);
    }
    .annotation-badge {
      position: absolute;
      left: -10px;
      min-width: 18px;
      height: 16px;
      padding: 0 1px;
      border-radius: 9px;
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
      font: var(--mat-sys-label-small);
      line-height: 16px;
      text-align: center;
    }
  `,
})
export class AnnotationOverlay {
  readonly markers = input<readonly AnnotationMarker[]>([]);
  /** The plot area to place the markers in; null draws nothing (not laid out yet). */
  readonly plot = input<PlotBox | null>(null);

  protected readonly badge = BADGE;
  protected readonly placed = computed(() => {
    const box = this.plot();
    if (!box) return [];
    return this.markers().map((marker) => ({
      ...marker,
      x: Math.round((box.left + marker.position * box.width) * 10) / 10,
    }));
  });
}
