import type { Design } from './regression';
import type { EpisodeFacts } from './episode-facts';

/** A column (or, for a categorical term, a set of indicator columns) of a design matrix. */
export type Term<T> =
  | { kind: 'numeric'; name: string; value: (item: T) => number }
  | { kind: 'categorical'; name: string; level: (item: T) => string };

export const numeric = <T>(name: string, value: (item: T) => number): Term<T> => ({ kind: 'numeric', name, value });
export const categorical = <T>(name: string, level: (item: T) => string): Term<T> => ({
  kind: 'categorical',
  name,
  level,
});

/**
 * An intercept plus the terms. A categorical term gets an indicator per level but its most frequent one
 * (the reference), so that the estimates do not depend on the order in which the levels appear.
 */
export function buildDesign<T>(items: readonly T[], terms: ReadonlyArray<Term<T>>): Design {
  const names = ['(intercept)'];
  const columns: Array<(item: T) => number> = [() => 1];
  for (const term of terms) {
    if (term.kind === 'numeric') {
      names.push(term.name);
      columns.push(term.value);
      continue;
    }
    const counts = new Map<string, number>();
    for (const item of items) counts.set(term.level(item), (counts.get(term.level(item)) ?? 0) + 1);
    const levels = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([level]) => level);
    for (const level of levels.slice(1)) {
      names.push(`${term.name}=${level}`);
      columns.push((item) => (term.level(item) === level ? 1 : 0));
    }
  }
  return { names, rows: items.map((item) => columns.map((column) => column(item))) };
}

/** The evidence board's case-mix adjustment (METRICS.md): age band, sex, primary substance, severity, prior episodes, payer. */
export function boardCovariates<T>(fact: (item: T) => EpisodeFacts): Array<Term<T>> {
  return [
    categorical('ageBand', (item) => fact(item).ageBand),
    numeric('male', (item) => (fact(item).sex === 'male' ? 1 : 0)),
    categorical('substance', (item) => fact(item).substance),
    categorical('severity', (item) => String(fact(item).severity)),
    numeric('priorEpisodes', (item) => fact(item).priorEpisodes),
    categorical('payer', (item) => fact(item).payer),
  ];
}
