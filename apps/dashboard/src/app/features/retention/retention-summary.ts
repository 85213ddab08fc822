import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { RetentionResponse } from '@iop/contracts';
import { formatLogRank, groupByLabel, toSummaryRows } from './retention-display';

/** Per group: episodes, disengagements, median stay and the share still engaged at the reference day; then the log-rank test. */
@Component({
  selector: 'iop-retention-summary',
  imports: [MatCard, MatCardContent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2 class="summary-heading">Median stay and retention at day {{ response().referenceDays }}</h2>
        @if (response().timeOriginDay > 0) {
          <p class="summary-note">Times count from day {{ response().timeOriginDay }} (landmark population).</p>
        }
        <div class="summary-scroll">
          <table class="summary-table" data-testid="retention-summary">
            <caption class="visually-hidden">
              Median stay and retention at day
              {{
                response().referenceDays
              }}
              by
              {{
                groupLabel()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ groupLabel() }}</th>
                <th scope="col" class="numeric">Episodes</th>
                <th scope="col" class="numeric">Disengaged</th>
                <th scope="col">Median stay</th>
                <th scope="col">Still engaged at day {{ response().referenceDays }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.label) {
                <tr data-testid="retention-summary-row">
                  <th scope="row">{{ row.label }}</th>
                  <td class="numeric" data-label="Episodes">{{ row.episodes }}</td>
                  <td class="numeric" data-label="Disengaged">{{ row.events }}</td>
                  <td data-testid="retention-median" data-label="Median stay">{{ row.median }}</td>
                  <td
                    data-testid="retention-at-reference"
                    [attr.data-label]="'Still engaged at day ' + response().referenceDays"
                  >
                    {{ row.atReference }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="log-rank" data-testid="retention-log-rank">
          {{ logRank() }}
          <a routerLink="/definitions" fragment="retention-curves">How is this computed?</a>
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .summary-heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .summary-note,
    .log-rank {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .log-rank a {
      margin-inline-start: 8px;
      color: var(--mat-sys-primary);
    }
    .summary-scroll {
      overflow-x: auto;
    }
    .summary-table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
      th,
      td {
        padding: 6px 12px;
        border-block-end: 1px solid var(--mat-sys-outline-variant);
        text-align: start;
      }
      thead th {
        font-weight: 600;
      }
      th[scope='row'] {
        font-weight: 500;
      }
    }
    .numeric {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
    }
    /* On a phone each group becomes a small block of labelled values instead of a table wider than the screen. */
    @media (max-width: 600px) {
      .summary-table thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      .summary-table tr,
      .summary-table th[scope='row'],
      .summary-table td {
        display: block;
      }
      .summary-table tr {
        padding-block: 8px;
        border-block-end: 1px solid var(--mat-sys-outline-variant);
      }
      .summary-table th[scope='row'],
      .summary-table td {
        padding: 2px 0;
        border: none;
      }
      .summary-table td::before {
        content: attr(data-label) ': ';
        color: var(--mat-sys-on-surface-variant);
      }
      .summary-table .numeric {
        text-align: start !important;
      }
    }
  `,
})
export class RetentionSummary {
  readonly response = input.required<RetentionResponse>();
  protected readonly rows = computed(() => toSummaryRows(this.response()));
  protected readonly logRank = computed(() => formatLogRank(this.response()));
  protected readonly groupLabel = computed(() => groupByLabel(this.response().groupBy));
}
