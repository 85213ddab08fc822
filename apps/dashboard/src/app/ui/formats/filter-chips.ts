import {
  AGE_BAND_LABELS,
  type EpisodeFilters,
  type FilterOptionsResponse,
  LEVEL_OF_CARE_LABELS,
  PAYER_LABELS,
  SUBSTANCE_LABELS,
} from '@iop/contracts';
import { formatCalendarDate } from './number-format';

export type ListFilterName = 'programId' | 'levelOfCare' | 'payer' | 'substance' | 'ageBand' | 'counselorId';
export type DateFilterName = 'from' | 'to';

/** One chosen filter value as the summary shows it; removing the chip removes just that value. */
export interface FilterChip {
  name: ListFilterName | DateFilterName;
  value: string | number;
  label: string;
}

const LIST_LABELS: Record<ListFilterName, string> = {
  programId: 'Program',
  levelOfCare: 'Level of care',
  payer: 'Payer',
  substance: 'Substance',
  ageBand: 'Age',
  counselorId: 'Counselor',
};

/** The chips of a filter, in the order of the bar's fields; names of programs and counselors from the options. */
export function filterChips(filters: EpisodeFilters, options: FilterOptionsResponse | undefined): FilterChip[] {
  const programName = (id: number) => options?.programs.find((program) => program.id === id)?.name ?? `#${id}`;
  const counselorName = (id: number) => options?.counselors.find((counselor) => counselor.id === id)?.name ?? `#${id}`;
  const chips: FilterChip[] = [];
  if (filters.from)
    chips.push({ name: 'from', value: filters.from, label: `From ${formatCalendarDate(filters.from)}` });
  if (filters.to) chips.push({ name: 'to', value: filters.to, label: `To ${formatCalendarDate(filters.to)}` });
  const add = <T extends string | number>(name: ListFilterName, values: T[] | undefined, label: (value: T) => string) =>
    values?.forEach((value) => chips.push({ name, value, label: `${LIST_LABELS[name]}: ${label(value)}` }));
  add('programId', filters.programId, programName);
  add('levelOfCare', filters.levelOfCare, (key) => LEVEL_OF_CARE_LABELS[key]);
  add('payer', filters.payer, (key) => PAYER_LABELS[key]);
  add('substance', filters.substance, (key) => SUBSTANCE_LABELS[key]);
  add('ageBand', filters.ageBand, (key) => AGE_BAND_LABELS[key]);
  add('counselorId', filters.counselorId, counselorName);
  return chips;
}

/** The filter change that removes one chip's value. */
export function withoutChip(filters: EpisodeFilters, chip: FilterChip): Partial<EpisodeFilters> {
  if (chip.name === 'from' || chip.name === 'to') return { [chip.name]: undefined };
  const values = (filters[chip.name] ?? []) as (string | number)[];
  return { [chip.name]: values.filter((value) => value !== chip.value) };
}
