import { IMPORT_ENTITIES, type ImportEntityCounts } from '@iop/contracts';
import type { ImportOutcome } from '@iop/import';

const REJECTIONS_SHOWN = 20;

/** The outcome in words: counts per entity, warnings, the first rejections and where to find them all. */
export function printOutcome(outcome: ImportOutcome, out: NodeJS.WritableStream): void {
  const write = (line = ''): boolean => out.write(`${line}\n`);
  const rows = IMPORT_ENTITIES.flatMap((entity) => {
    const counts: ImportEntityCounts | undefined = outcome.counts[entity];
    return counts ? [[entity, counts] as const] : [];
  });
  if (rows.length > 0) {
    const verb = outcome.dryRun ? 'would ' : '';
    write(
      `  ${'entity'.padEnd(22)} ${'read'.padStart(11)} ${(verb + 'insert').padStart(14)} ${(verb + 'update').padStart(14)} ${'unchanged'.padStart(11)} ${(verb + 'delete').padStart(14)}`,
    );
    for (const [entity, counts] of rows) {
      const cell = (value: number, width: number): string => value.toLocaleString('en-US').padStart(width);
      write(
        `  ${entity.padEnd(22)} ${cell(counts.read, 11)} ${cell(counts.inserted, 14)} ${cell(counts.updated, 14)} ${cell(counts.unchanged, 11)} ${cell(counts.deleted, 14)}`,
      );
    }
  }
  for (const warning of outcome.warnings) write(`  warning: ${warning}`);
  if (outcome.rejectedRows > 0) {
    write(
      `  ${outcome.rejectedRows.toLocaleString('en-US')} rejected row${outcome.rejectedRows === 1 ? '' : 's'}; nothing was written:`,
    );
    for (const rejection of outcome.rejections.slice(0, REJECTIONS_SHOWN)) {
      const where =
        rejection.line !== null
          ? `${rejection.file}:${rejection.line}`
          : rejection.resourceId
            ? `${rejection.file} ${rejection.resourceId}`
            : rejection.file;
      const field = rejection.field
        ? ` ${rejection.field}${rejection.value !== null ? ` = "${rejection.value}"` : ''}:`
        : '';
      write(`    ${where}${field} ${rejection.reason}`);
    }
    if (outcome.rejectedRows > REJECTIONS_SHOWN) {
      write(
        `    ... every rejection is kept with the import ${outcome.importId} (Data page, or GET /api/v1/imports/${outcome.importId}/rejections.csv)`,
      );
    }
  }
  const seconds = outcome.seconds.toFixed(1);
  if (outcome.status === 'succeeded') {
    write(
      outcome.dryRun
        ? `Dry run passed in ${seconds} s: nothing was written. Run again without --dry-run to import (as of ${outcome.asOf ?? 'unknown'}).`
        : `Imported in ${seconds} s; the data is as of ${outcome.asOf ?? 'unknown'} (import ${outcome.importId}).`,
    );
  } else if (outcome.status === 'rejected') {
    write(`Import rejected in ${seconds} s: fix the rows above and import again.`);
  } else {
    write(`Import failed in ${seconds} s: ${outcome.error ?? 'unknown error'}. Nothing was written.`);
  }
}
