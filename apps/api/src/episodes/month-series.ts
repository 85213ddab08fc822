import { eachMonthOfInterval, format, parse } from 'date-fns';

const MONTH_FORMAT = 'yyyy-MM';

/** A YYYY-MM month as the first day of that month (local time, which is only ever formatted back). */
const monthStart = (month: string): Date => parse(month, MONTH_FORMAT, new Date(2000, 0, 1));

/** Every calendar month from `first` to `last` (YYYY-MM, both included); empty when `last` comes before `first`. */
export function monthsFromTo(first: string, last: string): string[] {
  const start = monthStart(first);
  const end = monthStart(last);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw new RangeError(`Not a YYYY-MM month: ${Number.isNaN(start.getTime()) ? first : last}`);
  }
  if (end < start) return [];
  return eachMonthOfInterval({ start, end }).map((month) => format(month, MONTH_FORMAT));
}

/**
 * A monthly series with no holes: every month from the first item's to the last item's, in order, the items
 * given (sorted by month, at most one per month) where they exist and `emptyMonth(month)` in the gaps. A
 * series without items stays empty.
 */
export function fillMonths<Item>(
  items: readonly Item[],
  monthOf: (item: Item) => string,
  emptyMonth: (month: string) => Item,
): Item[] {
  if (items.length === 0) return [];
  const byMonth = new Map(items.map((item) => [monthOf(item), item]));
  return monthsFromTo(monthOf(items[0]), monthOf(items[items.length - 1])).map(
    (month) => byMonth.get(month) ?? emptyMonth(month),
  );
}
