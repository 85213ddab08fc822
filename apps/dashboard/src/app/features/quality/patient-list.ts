import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatPaginator } from '@angular/material/paginator';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import type { QualityMeasureId, QualityPatientRow, QualityPopulation } from '@iop/contracts';
import { QualityApi, type QualityPatientsRequest, qualityPatientsExportUrl } from '../../data-access/api/quality-api';
import { errorMessageOf, frameStateOf } from '../../data-access/api/resource-state';
import { AuthSession } from '../../data-access/auth/auth-session';
import { FilterState } from '../../data-access/filters/filter-state';
import { patientColumns, patientCountText } from './patient-display';

/**
 * The episodes behind a measure's numerator or denominator, with the dates that decided each case. The list is
 * patient-level and every request for it is written to the audit log, so nothing is asked for until the reader
 * opens it; the page shows this panel only to the roles the API lets see it (not payers).
 */
@Component({
  selector: 'iop-patient-list',
  imports: [
    MatAnchor,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCard,
    MatCardContent,
    MatTableModule,
    MatPaginator,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patient-list.html',
  styleUrl: './patient-list.scss',
})
export class PatientList {
  readonly measureId = input.required<QualityMeasureId>();
  readonly measureName = input.required<string>();

  private readonly filters = inject(FilterState).filters;
  protected readonly population = signal<QualityPopulation>('numerator');
  /** Closed again whenever another measure is chosen, so that no audited request is sent unasked. */
  protected readonly opened = linkedSignal({ source: this.measureId, computation: () => false });
  private readonly request = computed<QualityPatientsRequest | undefined>(() =>
    this.opened() ? { measureId: this.measureId(), population: this.population() } : undefined,
  );
  private readonly patients = inject(QualityApi).patients(this.filters, this.request);
  protected readonly state = frameStateOf(this.patients);
  protected readonly errorMessage = errorMessageOf(this.patients);
  private readonly response = computed(() => (this.state() === 'ready' ? this.patients.value() : undefined));

  protected readonly columns = computed(() => {
    const response = this.response();
    return response ? patientColumns(response) : [];
  });
  protected readonly columnKeys = computed(() => this.columns().map((column) => column.key));
  protected readonly countText = computed(() => {
    const response = this.response();
    return response ? patientCountText(response) : '';
  });
  protected readonly dataSource = new MatTableDataSource<QualityPatientRow>([]);

  /** The list's files for the current measure, population and filters; downloading one is audited too. */
  private readonly exportRequest = computed(() => ({ measureId: this.measureId(), population: this.population() }));
  protected readonly csvUrl = computed(() => qualityPatientsExportUrl('csv', this.exportRequest(), this.filters()));
  protected readonly xlsxUrl = computed(() => qualityPatientsExportUrl('xlsx', this.exportRequest(), this.filters()));
  /** The API de-identifies the quality role's exports (docs/SECURITY.md). */
  private readonly session = inject(AuthSession);
  protected readonly deIdentified = computed(() => this.session.user()?.role === 'quality');
  private readonly paginator = viewChild(MatPaginator);

  constructor() {
    effect(() => {
      this.dataSource.data = this.response()?.rows ?? [];
      this.dataSource.paginator = this.paginator() ?? null;
    });
  }

  protected open(): void {
    this.opened.set(true);
  }

  protected choosePopulation(population: QualityPopulation): void {
    this.population.set(population);
  }

  protected retry(): void {
    this.patients.reload();
  }
}
