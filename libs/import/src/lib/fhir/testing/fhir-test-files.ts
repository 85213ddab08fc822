import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportEntity } from '@iop/contracts';
import type { ImportFile, Rejection, SourceRecord } from '../../source-record';
import type { FhirReadContext } from '../mapping';
import { readFhirFiles } from '../read-fhir-files';

export const NO_CONTEXT: FhirReadContext = {
  knownEpisodes: [],
  knownPrograms: [],
  defaultTimezone: 'America/New_York',
};

/** A scratch directory for one spec's files, removed by `cleanup`. */
export class FhirTestFiles {
  private constructor(readonly dir: string) {}

  static async create(): Promise<FhirTestFiles> {
    return new FhirTestFiles(await mkdtemp(path.join(tmpdir(), 'iop-fhir-')));
  }

  async text(name: string, content: string): Promise<ImportFile> {
    const filePath = path.join(this.dir, name);
    await writeFile(filePath, content);
    return { path: filePath, name };
  }

  /** One resource per line, as Bulk Data writes them. */
  ndjson(name: string, resources: readonly object[]): Promise<ImportFile> {
    return this.text(name, resources.map((resource) => JSON.stringify(resource)).join('\n') + '\n');
  }

  json(name: string, content: object): Promise<ImportFile> {
    return this.text(name, JSON.stringify(content, null, 2));
  }

  /** A collection Bundle of these resources. */
  bundle(name: string, resources: readonly object[], type = 'collection'): Promise<ImportFile> {
    return this.json(name, { resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) });
  }

  cleanup(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

export interface ReadOutcome {
  records: SourceRecord[];
  rejections: Rejection[];
  warnings: string[];
  /** The sum of every onBytes increment. */
  bytes: number;
}

export async function readAll(files: ImportFile[], context: Partial<FhirReadContext> = {}): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { records: [], rejections: [], warnings: [], bytes: 0 };
  const onBytes = (bytes: number): void => {
    outcome.bytes += bytes;
  };
  for await (const event of readFhirFiles(files, { ...NO_CONTEXT, ...context }, onBytes)) {
    if (event.kind === 'record') outcome.records.push(event.record);
    else if (event.kind === 'rejection') outcome.rejections.push(event.rejection);
    else outcome.warnings.push(event.message);
  }
  return outcome;
}

/** The values of the records of one entity, in the order read, without the absent cells. */
export function rowsOf(outcome: ReadOutcome, entity: ImportEntity): Array<Record<string, string>> {
  return outcome.records
    .filter((record) => record.entity === entity)
    .map((record) => {
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(record.values)) if (value !== undefined) values[key] = value;
      return values;
    });
}

/** Rejections as "resource: reason" lines, easy to compare whole. */
export function reasonsOf(outcome: ReadOutcome): string[] {
  return outcome.rejections.map((item) => `${item.resourceId ?? item.file}: ${item.reason}`);
}
