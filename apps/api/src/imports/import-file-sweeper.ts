import { Injectable, Logger } from '@nestjs/common';
import { DRY_RUN_KEPT_HOURS } from './import-job.row';
import { ImportFolders } from './import-files';
import { ImportsQuery } from './imports.query';

const KEPT_MS = DRY_RUN_KEPT_HOURS * 60 * 60 * 1000;

/**
 * Removes the upload folders no import needs any more: those of finished imports, of dry runs not confirmed
 * within DRY_RUN_KEPT_HOURS, and of uploads whose row never came (a request cut off, a process killed) once
 * they are as old, since a folder without a row may be an upload still arriving. Runs hourly (pg-boss) and
 * at every upload.
 */
@Injectable()
export class ImportFileSweeper {
  private readonly logger = new Logger(ImportFileSweeper.name);

  constructor(
    private readonly folders: ImportFolders,
    private readonly imports: ImportsQuery,
  ) {}

  /** Returns the import ids whose folders were removed. */
  async sweep(now = new Date()): Promise<string[]> {
    const present = await this.folders.list();
    if (present.length === 0) return [];
    const needs = await this.imports.folderNeeds(present.map((folder) => folder.importId));
    const unneeded = present.filter(({ importId, modifiedAt }) => {
      const need = needs.get(importId);
      return need === undefined ? now.getTime() - modifiedAt.getTime() > KEPT_MS : !need;
    });
    for (const { importId } of unneeded) await this.folders.remove(importId);
    if (unneeded.length > 0) this.logger.log(`removed the files of ${unneeded.length} import(s)`);
    return unneeded.map((folder) => folder.importId);
  }
}
