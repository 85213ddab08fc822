import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler-utils tool; a missing binary fails the test with how to install it, never skips it. */
async function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: apt-get install poppler-utils`);
    }
    throw error;
  }
}

/** The PDF's text as `pdftotext -layout` reads it, and its page count as `pdfinfo` reports it. */
export async function readPdf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'iop-report-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const text = await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    const info = await poppler('pdfinfo', [file]);
    const pages = /^Pages:\s+(\d+)$/m.exec(info);
    if (!pages) throw new Error(`pdfinfo printed no page count:\n${info}`);
    return { text, pages: Number(pages[1]) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
