import type { ImportFile } from '@iop/import';
import { StartupError } from '@iop/db-server';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const IMPORTABLE = /\.(csv|ndjson|json)$/i;

/** The files named on the command line, a folder standing for every importable file directly in it. */
export async function collectImportFiles(paths: string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const given of paths) {
    const resolved = path.resolve(given);
    let info;
    try {
      info = await stat(resolved);
    } catch {
      throw new StartupError(`${given}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(resolved)).filter((name) => IMPORTABLE.test(name)).sort();
      if (names.length === 0) throw new StartupError(`${given}: the folder has no .csv, .ndjson or .json file`);
      for (const name of names) files.push({ path: path.join(resolved, name), name });
    } else {
      files.push({ path: resolved, name: path.basename(resolved) });
    }
  }
  return files;
}
