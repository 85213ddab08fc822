import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Annotation } from '@iop/contracts';
import type { BenchmarkDisplay, ReferenceLineDisplay } from '../../ui/benchmarks/benchmark-display';
import { ReferenceLine } from '../../ui/benchmarks/reference-line';
import { HeadlineFigure, type HeadlineFigureValue } from '../../ui/cards/headline-figure';
import type { KpiTrendDisplay } from './kpi-trend';
import { Sparkline, type SparkReference } from './sparkline';

/** The trend of a card: still loading, failed, or there. */
export type KpiTrendState = KpiTrendDisplay | 'loading' | 'error';

/** One headline number: its label, the formatted value, the lines that qualify it, its monthly trend. */
@Component({
  selector: 'iop-kpi-card',
  imports: [HeadlineFigure, MatCard, MatCardContent, MatTooltip, ReferenceLine, RouterLink, Sparkline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="kpi-card">
      <mat-card-content>
        <iop-headline-figure [label]="label()" [figure]="kpi()" [testId]="testId()" />
        @if (kpi().suppressed) {
          <p class="kpi-suppression-note" [attr.data-testid]="testId() + '-suppressed'">
            Withheld to protect privacy: counts from 1 to 10, and numbers from which such a count could be worked out,
            are not shown.
          </p>
        }
        @if (benchmark(); as shownBenchmark) {
          <iop-reference-line [display]="shownBenchmark" [testId]="testId() + '-benchmark'" />
        }
        @if (target(); as shownTarget) {
          <iop-reference-line [display]="shownTarget" [testId]="testId() + '-target'" />
        }
        @let currentTrend = trend();
        <div class="kpi-trend" [attr.data-testid]="testId() + '-trend'">
          @if (currentTrend === 'loading') {
            <div class="kpi-trend-skeleton" aria-hidden="true"></div>
          } @else if (currentTrend === 'error') {
            <p class="kpi-trend-note">The monthly trend could not be loaded.</p>
          } @else {
            <iop-sparkline
              [points]="currentTrend.points"
              [description]="currentTrend.description"
              [floor]="sparklineFloor()"
              [references]="sparklineReferences()"
              [annotations]="annotations()"
            />
            @if (currentTrend.change; as change) {
              <!-- prettier-ignore -->
              <p class="kpi-change" tabindex="0" [attr.data-testid]="testId() + '-change'" [attr.data-direction]="change.direction" [matTooltip]="change.explanation">{{ change.text }}<span class="visually-hidden">. {{ change.explanation }}</span></p>
            } @else {
              <p class="kpi-trend-note">No two consecutive complete months to compare.</p>
            }
          }
        </div>
        <p class="kpi-definition">
          {{ definition() }}
          <a routerLink="/definitions" [fragment]="anchor()"
            >How is this computed?<span class="visually-hidden"> ({{ label() }})</span></a
          >
        </p>
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
    .kpi-suppression-note,
    .kpi-definition,
    .kpi-change,
    .kpi-trend-note {
      margin: 2px 0;
      font: var(--mat-sys-body-medium);
    }
    .kpi-definition,
    .kpi-suppression-note,
    .kpi-trend-note {
      color: var(--mat-sys-on-surface-variant);
    }
    .kpi-trend {
      margin-block-start: 8px;
    }
    .kpi-trend-skeleton {
      height: 40px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
    }
    .kpi-change {
      width: fit-content;
      font-weight: 500;
      border-radius: 4px;
    }
    .kpi-change:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .kpi-trend-note,
    .kpi-definition {
      font: var(--mat-sys-body-small);
    }
    .kpi-definition {
      margin-block-start: 8px;
    }
    .kpi-definition a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class KpiCard {
  readonly label = input.required<string>();
  readonly kpi = input.required<HeadlineFigureValue>();
  /** Stable hook for the end-to-end tests; the element carrying it holds only the formatted value. */
  readonly testId = input.required<string>();
  /** One plain sentence saying what the number counts. */
  readonly definition = input('');
  /** Anchor of the metric on the definitions page. */
  readonly anchor = input('');
  readonly trend = input<KpiTrendState>('loading');
  /** The metric's benchmark: a line with its status, or why none is drawn; null when there is none. */
  readonly benchmark = input<BenchmarkDisplay | null>(null);
  /** The selected program's own target, when exactly one program is selected and it has one. */
  readonly target = input<ReferenceLineDisplay | null>(null);
  /** Notes on the charts, marked on the sparkline's months. */
  readonly annotations = input<readonly Annotation[]>([]);

  protected readonly sparklineReferences = computed<SparkReference[]>(() =>
    [this.benchmark(), this.target()]
      .filter((reference): reference is ReferenceLineDisplay => reference?.kind === 'line')
      .map((reference) => ({ role: reference.role, value: reference.value })),
  );
  /** A fixed floor (the ASAM hours) gives way to the benchmark line, which carries its source. */
  protected readonly sparklineFloor = computed(() => {
    const trend = this.trend();
    if (typeof trend === 'string') return null;
    return this.benchmark()?.kind === 'line' ? null : trend.floor;
  });
}
