import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatPaginator } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import type { EarlyWarningRow, EarlyWarningSort } from '@iop/contracts';
import {
  EarlyWarningApi,
  earlyWarningExportUrl,
  type EarlyWarningOrder,
} from '../../data-access/api/early-warning-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { FilterState } from '../../data-access/filters/filter-state';
import { formatCount, formatPercent } from '../../ui/formats/number-format';
import { XyPlot } from '../../ui/plots/xy-plot';
import { BAND_WORDS, brierText, calibrationPlot, cStatisticText, reasonsText, riskText } from './early-warning-display';

/** Table columns that the API can order by, for the export to follow the table's order. */
const SORTABLE: Record<string, EarlyWarningSort> = {
  risk: 'risk',
  week: 'weekOfTreatment',
  program: 'program',
  counselor: 'counselor',
};

/**
 * Patients at risk of disengaging within 14 days (docs/METRICS.md "Early warning"), beside how well the model
 * ranked the period after its cut-off. Opening the page is audited by the API (patient-level rows); when the
 * model's C-statistic is not good enough, the list says so and is ranked by the plain rules.
 */
@Component({
  selector: 'iop-early-warning-page',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatOption,
    MatPaginator,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTableModule,
    XyPlot,
  ],
  templateUrl: './early-warning-page.html',
  styleUrl: './early-warning-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EarlyWarningPage {
  private readonly filters = inject(FilterState).filters;
  private readonly order = signal<EarlyWarningOrder>({ sort: 'risk', direction: 'desc' });
  /** The list is ordered in the browser; the API is asked once per filter, not once per click on a header. */
  private readonly resource = inject(EarlyWarningApi).list(this.filters, () => ({ sort: 'risk', direction: 'desc' }));
  protected readonly state = frameStateOf(this.resource);
  protected readonly errorMessage = errorMessageOf(this.resource);
  protected readonly answer = computed(() => (this.state() === 'ready' ? this.resource.value() : undefined));
  protected readonly validation = computed(() => this.answer()?.validation ?? null);
  protected readonly calibration = computed(() => {
    const validation = this.validation();
    return validation ? calibrationPlot(validation) : null;
  });
  protected readonly showCalibrationTable = signal(false);

  /** The counselors of the listed patients, for the counselor filter. */
  protected readonly counselors = computed(() => {
    const byId = new Map<number, string>();
    for (const row of this.answer()?.rows ?? []) {
      if (row.counselorId !== null) byId.set(row.counselorId, row.counselorName ?? `Counselor ${row.counselorId}`);
    }
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });
  protected readonly counselor = signal<number | 'all'>('all');
  private readonly shownRows = computed(() => {
    const rows = this.answer()?.rows ?? [];
    const counselor = this.counselor();
    return counselor === 'all' ? rows : rows.filter((row) => row.counselorId === counselor);
  });
  protected readonly countText = computed(() => {
    const count = this.shownRows().length;
    return `${formatCount(count)} active ${count === 1 ? 'patient' : 'patients'}`;
  });

  private readonly exportFilters = computed(() => {
    const counselor = this.counselor();
    return counselor === 'all' ? this.filters() : { ...this.filters(), counselorId: [counselor] };
  });
  protected readonly csvUrl = computed(() => earlyWarningExportUrl('csv', this.exportFilters(), this.order()));
  protected readonly xlsxUrl = computed(() => earlyWarningExportUrl('xlsx', this.exportFilters(), this.order()));

  protected readonly columns = ['patient', 'program', 'counselor', 'week', 'risk', 'band', 'reasons'];
  protected readonly dataSource = new MatTableDataSource<EarlyWarningRow>([]);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);
  protected readonly bandText = (row: EarlyWarningRow): string => BAND_WORDS[row.band];
  protected readonly riskText = riskText;
  protected readonly reasonsText = reasonsText;
  protected readonly cStatisticText = cStatisticText;
  protected readonly brierText = brierText;
  protected readonly formatPercent = formatPercent;
  protected readonly formatCount = formatCount;

  constructor() {
    this.dataSource.sortingDataAccessor = (row, column) => {
      switch (column) {
        case 'risk':
          // Under the rules there is no risk: rows meeting more rules first, then the longer absences.
          return row.risk ?? row.rulesMet.length * 1000 + row.daysSinceLastAttended;
        case 'week':
          return row.weekOfTreatment;
        case 'program':
          return row.programName;
        case 'counselor':
          return row.counselorName ?? '';
        default:
          return row.patientKey;
      }
    };
    effect(() => {
      this.dataSource.data = this.shownRows();
      this.dataSource.sort = this.sort() ?? null;
      this.dataSource.paginator = this.paginator() ?? null;
    });
  }

  protected sorted(sort: Sort): void {
    const field = SORTABLE[sort.active];
    if (field && sort.direction) this.order.set({ sort: field, direction: sort.direction });
    else this.order.set({ sort: 'risk', direction: 'desc' });
  }

  protected chooseCounselor(value: number | 'all'): void {
    this.counselor.set(value);
  }

  protected retry(): void {
    this.resource.reload();
  }
}
