import { IMPORT_ENTITIES, type ImportFileSummary } from '@iop/contracts';
import { importFileFormat } from '@iop/import';
import { BadRequestException } from '@nestjs/common';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The CSV file names of the contract: programs.csv, staff.csv, ... */
const CSV_FILE_NAMES = new Set(IMPORT_ENTITIES.map((entity) => `${entity}.csv`));

/**
 * A FHIR file: Patient.ndjson, bundle-2026-03.json. Letters, digits, dot, dash, underscore, space and
 * parentheses, so that the name is also a safe file name on disk (no separators, no leading dot).
 */
const FHIR_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,194}\.(ndjson|json)$/i;

/** What a file name says about its format, or why it is refused. */
export type FileNameCheck = { format: ImportFileSummary['format'] } | { refused: string };

/** The rule of docs/DATA-IMPORT.md: a contract CSV name, or a FHIR .ndjson / .json file. */
export function checkFileName(name: string): FileNameCheck {
  if (CSV_FILE_NAMES.has(name.toLowerCase())) return { format: 'csv' };
  if (FHIR_FILE_NAME.test(name)) return { format: importFileFormat(name) };
  return {
    refused:
      `"${name}" is not a file an import reads: name CSV files after their table ` +
      `(${[...CSV_FILE_NAMES].join(', ')}), FHIR files *.ndjson or *.json`,
  };
}

/** The file's format, or a 400 naming the file. */
export function formatOfFileName(name: string): ImportFileSummary['format'] {
  const check = checkFileName(name);
  if ('refused' in check) throw new BadRequestException(check.refused);
  return check.format;
}

/**
 * Where an import's uploaded files wait for their job: one folder per import, named by its id, under the
 * configured directory. A confirmed dry run's import reads the folder of the dry run.
 */
export class ImportFolders {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  folderOf(importId: string): string {
    return path.join(this.root, importId);
  }

  /** Removes an import's folder and what is in it; nothing when it is already gone. */
  async remove(importId: string): Promise<void> {
    await rm(this.folderOf(importId), { recursive: true, force: true });
  }

  /** Whether every named file is still in the import's folder. */
  async holds(importId: string, fileNames: readonly string[]): Promise<boolean> {
    const sizes = await Promise.all(
      fileNames.map((name) =>
        stat(path.join(this.folderOf(importId), name)).then(
          (s) => s.isFile(),
          () => false,
        ),
      ),
    );
    return fileNames.length > 0 && sizes.every(Boolean);
  }

  /** The import folders present (named by a UUID), with when each was last changed; none when the root is absent. */
  async list(): Promise<Array<{ importId: string; modifiedAt: Date }>> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const folders = entries.filter((entry) => entry.isDirectory() && UUID.test(entry.name));
    return Promise.all(
      folders.map(async (entry) => ({
        importId: entry.name,
        modifiedAt: (await stat(path.join(this.root, entry.name))).mtime,
      })),
    );
  }
}

/** The folders the API made; anything else under the root is left alone. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
