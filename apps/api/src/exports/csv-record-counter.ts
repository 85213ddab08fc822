import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * Passes CSV bytes through unchanged and counts the records that have passed, for the audit entry of an export
 * that PostgreSQL writes. A record ends at a line feed outside quotes: a quoted field may hold line feeds, and
 * its quotes come in pairs (an inner quote is doubled), so "outside quotes" is an even number of quotes so far.
 * The header is a record too. It reads the bytes only to find quotes and line feeds, with indexOf.
 */
export class CsvRecordCounter extends Transform {
  /** Complete records passed on so far. */
  records = 0;
  private insideQuotes = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.insideQuotes && chunk.indexOf(QUOTE) === -1) {
      this.records += countByte(chunk, LINE_FEED, 0, chunk.length);
    } else {
      this.countQuoted(chunk);
    }
    done(null, chunk);
  }

  /** The slow path, for a chunk with quotes: line feeds between quoted stretches only. */
  private countQuoted(chunk: Buffer): void {
    let position = 0;
    while (position < chunk.length) {
      if (this.insideQuotes) {
        const closing = chunk.indexOf(QUOTE, position);
        if (closing === -1) return;
        this.insideQuotes = false;
        position = closing + 1;
      } else {
        const opening = chunk.indexOf(QUOTE, position);
        const end = opening === -1 ? chunk.length : opening;
        this.records += countByte(chunk, LINE_FEED, position, end);
        if (opening === -1) return;
        this.insideQuotes = true;
        position = opening + 1;
      }
    }
  }
}

function countByte(chunk: Buffer, byte: number, from: number, to: number): number {
  let count = 0;
  for (let at = chunk.indexOf(byte, from); at !== -1 && at < to; at = chunk.indexOf(byte, at + 1)) count++;
  return count;
}
