import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';

/** A file of the export and the rows (CSV lines after the header, or NDJSON resources) written to it. */
export interface ExportedFile {
  name: string;
  rows: number;
}

/**
 * One output file, written a chunk at a time with back-pressure: when the stream's buffer is full, the next
 * write waits for it to drain, so that a large network is never held in memory waiting for the disk.
 */
export class OutputFile {
  private rowCount = 0;
  private failure: Error | null = null;

  private constructor(
    readonly name: string,
    private readonly stream: WriteStream,
  ) {
    // Remembered and thrown by the next write or close: an error event with no listener would end the process.
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static create(directory: string, name: string): OutputFile {
    return new OutputFile(name, createWriteStream(path.join(directory, name), { encoding: 'utf8' }));
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Appends text holding `rows` rows (0 for a CSV header). */
  async write(text: string, rows: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.rowCount += rows;
    if (text.length > 0 && !this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<ExportedFile> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
    return { name: this.name, rows: this.rowCount };
  }

  /** Stops writing after a failure elsewhere; the partial file is left for the caller to remove or inspect. */
  abort(): void {
    this.stream.destroy();
  }
}
