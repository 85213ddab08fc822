import type { ImportEntity } from '@iop/contracts';
import type { SourceRecord } from '../source-record';

/** What the reader knows beyond the files: rows already imported from this source system, and defaults. */
export interface FhirReadContext {
  /** Episodes already in the database for this organisation and source system (to resolve by period and payer). */
  knownEpisodes: ReadonlyArray<{
    sourceId: string;
    patientSourceId: string;
    admitDate: string;
    dischargeDate: string | null;
    payer: string;
    programSourceId: string;
  }>;
  /** Programs already in the database for this source (level of care as the default of their episodes). */
  knownPrograms: ReadonlyArray<{ sourceId: string; levelOfCare: string }>;
  /** Time zone of a program without the timezone extension. */
  defaultTimezone: string;
}

/** Where a resource was read: its file, its NDJSON line (null in a Bundle or a one-resource file), `Type/id`. */
export type ResourceLocation = Pick<SourceRecord, 'file' | 'line' | 'resourceId'>;

/** One reason a resource cannot become a row, with the FHIRPath-like name of the element at fault. */
export interface Problem {
  field: string | null;
  reason: string;
  value?: string | null;
}

export function missing(path: string, hint?: string): Problem {
  return { field: path, reason: hint ? `${path} is missing (${hint})` : `${path} is missing` };
}

export type RowValues = Record<string, string | undefined>;

/** What a mapper makes of one resource: a row, the reasons it is rejected, or a counted skip. */
export type Mapped =
  | { kind: 'row'; entity: ImportEntity; values: RowValues }
  | { kind: 'rejected'; problems: Problem[] }
  | { kind: 'skipped' };

export function row(entity: ImportEntity, values: RowValues): Mapped {
  return { kind: 'row', entity, values };
}

export function rejected(problems: Problem[]): Mapped {
  return { kind: 'rejected', problems };
}

export const SKIPPED: Mapped = { kind: 'skipped' };

/**
 * Counts of things that do not stop an import (skipped resources, defaults applied), turned into one warning
 * per kind at the end so that a million defaults make one line, not a million.
 */
export class Tally {
  private readonly counts = new Map<string, { count: number; describe: (count: number) => string }>();

  add(key: string, describe: (count: number) => string, increment = 1): void {
    const entry = this.counts.get(key);
    if (entry) entry.count += increment;
    else this.counts.set(key, { count: increment, describe });
  }

  /** A default written in place of an absent element, counted per entity and column. */
  defaulted(entity: ImportEntity, column: string, value: string, why: string): void {
    this.add(
      `default:${entity}:${column}:${why}`,
      (count) => `${entity}.${column} = ${value} in ${count} ${count === 1 ? 'row' : 'rows'} (default: ${why})`,
    );
  }

  /** A resource read past on purpose, counted per kind. */
  skipped(key: string, describe: (count: number) => string): void {
    this.add(`skip:${key}`, describe);
  }

  warnings(): string[] {
    return [...this.counts.values()].map((entry) => entry.describe(entry.count));
  }
}

/** "1 Claim resource" / "12 Claim resources". */
export function resourcesCount(count: number, type: string): string {
  return `${count} ${type} ${count === 1 ? 'resource' : 'resources'}`;
}
