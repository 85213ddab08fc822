import type { ImportEntity } from '@iop/contracts';
import { Parser } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { ENTITY_SPECS, entityOfFileName } from '../entities';
import { rejection, type ImportFile, type ReaderEvent, type SourceRecord } from '../source-record';

/** The contract's CSV file names, for the message when a file has another name. */
const CONTRACT_NAMES = Object.values(ENTITY_SPECS)
  .map((spec) => spec.fileName)
  .join(', ');

/**
 * Reads CSV files of the contract (docs/DATA-IMPORT.md) as a stream of records, one file after another: UTF-8
 * with or without a byte-order mark, CRLF or LF, RFC 4180 quoting, a header row, columns in any order. A file that
 * cannot be read as a whole (unknown name, not UTF-8, empty, a missing required column, broken quoting) is one
 * rejection naming the file and, where known, the line; a row with the wrong number of cells is a row rejection.
 */
export async function* readCsvFiles(
  files: ImportFile[],
  onBytes?: (bytes: number) => void,
): AsyncGenerator<ReaderEvent> {
  for (const file of files) yield* readCsvFile(file, onBytes);
}

async function* readCsvFile(file: ImportFile, onBytes?: (bytes: number) => void): AsyncGenerator<ReaderEvent> {
  const entity = entityOfFileName(file.name);
  const at = { file: file.name, line: null, resourceId: null };
  if (entity === null) {
    yield reject(at, `unknown file name; a CSV file is named as its entity: ${CONTRACT_NAMES}`);
    return;
  }
  const utf8 = new Utf8Check(onBytes);
  const parser = new LineNumberedParser({ bom: true, relax_column_count: true, skip_empty_lines: true });
  const source = createReadStream(file.path);
  source.on('error', (error) => parser.destroy(error));
  utf8.on('error', (error) => parser.destroy(error));
  source.pipe(utf8).pipe(parser);
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const { record, line } of parser as AsyncIterable<NumberedRecord>) {
      if (header === null) {
        header = record.map((name) => name.trim().toLowerCase());
        const problems = [...checkHeader(entity, header, file.name)];
        if (problems.some((event) => event.kind === 'rejection')) {
          yield* problems;
          source.destroy();
          return;
        }
        yield* problems;
        continue;
      }
      rows += 1;
      if (record.length !== header.length) {
        yield reject(
          { file: file.name, line, resourceId: null },
          `${record.length} cells where the header has ${header.length}`,
        );
        continue;
      }
      const values: Record<string, string> = {};
      for (let index = 0; index < header.length; index += 1) values[header[index]] = record[index];
      yield { kind: 'record', record: { entity, file: file.name, line, resourceId: null, values } };
    }
  } catch (error) {
    yield reject(at, readFailure(error));
    return;
  }
  if (header === null) yield reject(at, 'the file is empty: a header row is required');
  else if (rows === 0) yield { kind: 'warning', message: `${file.name} has a header and no rows` };
}

function* checkHeader(entity: ImportEntity, header: string[], fileName: string): Generator<ReaderEvent> {
  const spec = ENTITY_SPECS[entity];
  const known = new Set(spec.columns.map((column) => column.name));
  const at = { file: fileName, line: 1, resourceId: null };
  for (const column of spec.columns) {
    if (column.required && !header.includes(column.name)) {
      yield reject(at, `the required column ${column.name} is missing`, column.name);
    }
  }
  for (const choice of spec.choices) {
    if (choice.required && !choice.columns.some((name) => header.includes(name))) {
      yield reject(at, `one of the columns ${choice.columns.join(' or ')} is required`, choice.columns[0]);
    }
  }
  const duplicates = header.filter((name, index) => header.indexOf(name) !== index);
  if (duplicates.length > 0) yield reject(at, `the column ${duplicates[0]} appears twice`, duplicates[0]);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    yield { kind: 'warning', message: `${fileName}: unknown columns ignored: ${unknown.join(', ')}` };
  }
}

function reject(
  at: Pick<SourceRecord, 'file' | 'line' | 'resourceId'>,
  reason: string,
  field: string | null = null,
): ReaderEvent {
  return { kind: 'rejection', rejection: rejection(at, reason, field) };
}

function readFailure(error: unknown): string {
  if (error instanceof NotUtf8Error) return error.message;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('CSV_')) {
    const line = 'lines' in error && typeof error.lines === 'number' ? ` at line ${error.lines}` : '';
    return `not valid CSV${line}: ${error.message.replace(/^Invalid [^:]*: /, '')}`;
  }
  return `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

class NotUtf8Error extends Error {}

interface NumberedRecord {
  record: string[];
  /** The line the record ends on (a quoted cell may span lines). */
  line: number;
}

/**
 * csv-parse with each record's line number. Its `info` option gives the line too, but builds an object of a dozen
 * fields for every record, which doubled the parser's time (6.8 s against 3.5 s a million rows); the line count
 * is read from the parser's running `info` at the moment it hands the record on.
 */
class LineNumberedParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    const numbered: NumberedRecord = { record: record as string[], line: this.info.lines };
    return super.push(numbered, encoding);
  }
}

/**
 * Passes bytes through unchanged while checking that they are UTF-8 (a fatal streaming decoder), and counts them
 * for the progress bar. A Latin-1 or UTF-16 export fails here with the byte offset, instead of as mojibake rows.
 */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  constructor(private readonly onBytes?: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      done(
        new NotUtf8Error(
          `not UTF-8 text: an invalid byte sequence within bytes ${this.offset}-${this.offset + chunk.length}; save the file as UTF-8`,
        ),
      );
      return;
    }
    this.offset += chunk.length;
    this.onBytes?.(chunk.length);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(new NotUtf8Error('not UTF-8 text: the file ends inside a character; save the file as UTF-8'));
    }
  }
}
