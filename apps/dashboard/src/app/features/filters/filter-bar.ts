import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { FiltersApi } from '../../data-access/api/filters-api';
import { countActiveFilters, isIsoDate } from '../../data-access/filters/filter-params';
import {
  type DateFilterName,
  FilterChip,
  filterChips,
  type ListFilterName,
  withoutChip,
} from '../../ui/formats/filter-chips';
import { FilterState } from '../../data-access/filters/filter-state';
import { AuthSession } from '../../data-access/auth/auth-session';

/**
 * The filter of every page, above the routed page: admit date range, multi-selects for the episode
 * attributes (choices from GET /filters/options), a summary of what is chosen as removable chips, and
 * "Clear filters". Every change goes straight to the URL through FilterState; pages follow from there.
 * On a phone the fields fold away behind a "Filters" button and only the chips stay in view.
 */
@Component({
  selector: 'iop-filter-bar',
  imports: [
    MatButton,
    MatChip,
    MatChipRemove,
    MatChipSet,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
  ],
  templateUrl: './filter-bar.html',
  styleUrl: './filter-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterBar {
  private readonly state = inject(FilterState);
  private readonly optionsResource = inject(FiltersApi).options();
  private readonly session = inject(AuthSession);

  protected readonly filters = this.state.filters;
  protected readonly options = computed(() =>
    this.optionsResource.hasValue() ? this.optionsResource.value() : undefined,
  );
  protected readonly optionsFailed = computed(() => this.optionsResource.status() === 'error');
  /** Counselors of the chosen programs only, when programs are chosen: the others would select nothing. */
  protected readonly counselors = computed(() => {
    const programs = this.filters().programId ?? [];
    const all = this.options()?.counselors ?? [];
    return programs.length ? all.filter((counselor) => programs.includes(counselor.programId)) : all;
  });
  protected readonly chips = computed(() => filterChips(this.filters(), this.options()));
  protected readonly activeCount = computed(() => countActiveFilters(this.filters()));
  /** A payer's dates select whole months (the API widens them, so that windows a day apart cannot be subtracted). */
  protected readonly wholeMonths = computed(() => this.session.user()?.role === 'payer');
  /** Whether the fields are shown on a narrow screen; wide screens always show them (see the styles). */
  protected readonly expanded = signal(false);

  protected select(name: ListFilterName, values: (string | number)[]): void {
    void this.state.update({ [name]: values });
  }

  /** A date field's committed value; an incomplete or impossible date leaves the filter as it was. */
  protected setDate(name: DateFilterName, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === '' || isIsoDate(value)) {
      void this.state.update({ [name]: value || undefined });
    }
  }

  protected remove(chip: FilterChip): void {
    void this.state.update(withoutChip(this.filters(), chip));
  }

  protected clear(): void {
    void this.state.clear();
  }

  protected toggleExpanded(): void {
    this.expanded.update((expanded) => !expanded);
  }
}
