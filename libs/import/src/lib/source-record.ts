import type { ImportEntity, ImportFileSummary, ImportRejection } from '@iop/contracts';

/** csv, ndjson (FHIR Bulk Data) or json (a FHIR Bundle or one resource), as the file's name says. */
export function importFileFormat(name: string): ImportFileSummary['format'] {
  const extension = /\.(ndjson|json)$/i.exec(name)?.[1].toLowerCase();
  return extension === 'ndjson' ? 'ndjson' : extension === 'json' ? 'json' : 'csv';
}

/** A file given to an import: where it is on disk and the name it had (an upload's original name). */
export interface ImportFile {
  path: string;
  name: string;
}

/**
 * One row as read from a file, before validation, in the CSV contract's terms whatever the form it came in:
 * `values` is keyed by the CSV column names of its entity (docs/DATA-IMPORT.md) and holds text exactly as a
 * CSV cell would (dates `YYYY-MM-DD`, instants ISO 8601, booleans `true`/`false`, lists joined by `;`).
 * A FHIR resource is mapped to this shape, so that both forms go through one validation.
 */
export interface SourceRecord {
  entity: ImportEntity;
  file: string;
  /** 1-based line of the file (the header is line 1 of a CSV); null for a resource in a Bundle. */
  line: number | null;
  /** `ResourceType/id` of the FHIR resource the row came from; null for CSV. */
  resourceId: string | null;
  /** Absent or empty = no value. */
  values: Readonly<Record<string, string | undefined>>;
}

export type Rejection = ImportRejection;

/** What a reader yields: a row, a rejected row (with its reason), or a warning that does not stop the import. */
export type ReaderEvent =
  | { kind: 'record'; record: SourceRecord }
  | { kind: 'rejection'; rejection: Rejection }
  | { kind: 'warning'; message: string };

/** A rejection built in one call; the location fields default to "none". */
export function rejection(
  at: Pick<SourceRecord, 'file' | 'line' | 'resourceId'>,
  reason: string,
  field: string | null = null,
  value: string | null = null,
): Rejection {
  return { file: at.file, line: at.line, resourceId: at.resourceId, field, value, reason };
}
