import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { DataQualityReport } from '@iop/contracts';
import { toDataQualityDisplay } from './data-quality-format';

/**
 * The quality of the loaded data, DHIS2-style: each table's rows and how recent its latest service date is,
 * the completeness of its optional fields, and the rows that out-of-range and orphan checks flag.
 */
@Component({
  selector: 'iop-data-quality-panel',
  imports: [MatButton, MatTableModule],
  templateUrl: './data-quality-panel.html',
  styleUrl: './data-panels.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataQualityPanel {
  /** undefined while the report loads. */
  readonly report = input.required<DataQualityReport | undefined>();
  readonly errorMessage = input('');
  readonly retry = output();

  protected readonly display = computed(() => {
    const report = this.report();
    return report ? toDataQualityDisplay(report) : null;
  });

  protected readonly tableColumns = ['table', 'rows', 'latestServiceDate', 'lagDays'];
  protected readonly completenessColumns = ['table', 'field', 'present', 'rows', 'share'];
  protected readonly checkColumns = ['table', 'kind', 'check', 'rows'];
}
