import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test-only reader for the plain numeric reference tables in ./reference (see SOURCES.md there). They are
 * simple enough for a split: comma- or whitespace-separated, quoted headers, empty cells for missing values
 * (returned as NaN). Not part of the library build (excluded in tsconfig.lib.json): it needs node:fs.
 */
export const referenceDirectory = join(__dirname, 'reference');

export type Table = Record<string, number[]>;

export function readReferenceTable(fileName: string, separator: 'comma' | 'whitespace' = 'comma'): Table {
  const text = readFileSync(join(referenceDirectory, fileName), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const split = (line: string): string[] => (separator === 'comma' ? line.split(',') : line.trim().split(/\s+/));
  const header = split(lines[0]).map((name) => name.replace(/^["']|["']$/g, ''));
  const table: Table = Object.fromEntries(header.map((name) => [name, [] as number[]]));
  for (const line of lines.slice(1)) {
    const cells = split(line);
    header.forEach((name, j) => {
      const cell = (cells[j] ?? '').trim();
      table[name].push(cell === '' ? NaN : Number(cell));
    });
  }
  return table;
}

export function column(table: Table, name: string): number[] {
  const values = table[name];
  if (!values) throw new Error(`no column ${name}; columns are ${Object.keys(table).join(', ')}`);
  return values;
}

export function expectRelativelyClose(actual: number | null, expected: number, tolerance: number): void {
  expect(actual).not.toBeNull();
  const difference = Math.abs((actual as number) - expected);
  expect(difference).toBeLessThanOrEqual(tolerance * Math.abs(expected) + (expected === 0 ? tolerance : 0));
}

/** For values R prints rounded to `digits` decimals: the difference must be within half a unit of the last digit. */
export function expectMatchesPrinted(actual: number | null, printed: number, digits: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - printed)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);
}

/** A text column (e.g. bmt's Group) of a comma-separated reference file, which readReferenceTable reads as NaN. */
export function readReferenceTextColumn(fileName: string, name: string): string[] {
  const lines = readFileSync(join(referenceDirectory, fileName), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const index = lines[0]
    .split(',')
    .map((cell) => cell.replace(/^["']|["']$/g, ''))
    .indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${fileName}`);
  return lines.slice(1).map((line) => line.split(',')[index]);
}
