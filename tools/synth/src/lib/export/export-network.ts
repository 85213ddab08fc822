import { mkdir } from 'node:fs/promises';
import { DEFAULT_SEED, generateSyntheticNetwork } from '../generate';
import type { PresetName } from '../ground-truth';
import {
  batchRecords,
  programRecords,
  staffRecords,
  type BatchRecords,
  type ProgramRecord,
  type StaffRecord,
} from './contract-rows';
import { CsvExport } from './csv-export';
import { FhirExport } from './fhir-export';
import type { ExportedFile } from './output-file';

export const EXPORT_FORMATS = ['csv', 'fhir'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  preset: PresetName;
  seed?: number;
  /** Overrides the preset's episode count (tests). */
  episodes?: number;
  /** Episodes per generated batch: the unit of memory; the files do not depend on it. */
  batchEpisodes?: number;
  format: ExportFormat;
  /** Created when missing; files of the same names in it are replaced. */
  outDir: string;
  /** Called after each batch with episodes written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  preset: PresetName;
  seed: number;
  format: ExportFormat;
  outDir: string;
  /** Every file written, in the order of the format's file list, with its rows (CSV lines or resources). */
  files: ExportedFile[];
  seconds: number;
}

interface ExportSink {
  writeNetwork(programs: readonly ProgramRecord[], staff: readonly StaffRecord[]): Promise<void>;
  writeBatch(batch: BatchRecords): Promise<void>;
  close(): Promise<ExportedFile[]>;
  abort(): void;
}

/**
 * Writes the synthetic network in one form of the import contract (docs/DATA-IMPORT.md): the eleven CSV
 * files, or FHIR R4 NDJSON with a file per resource type. The rows come straight from the generator, a batch
 * at a time (never the whole network in memory), so an import of the files gives the tables a seed gives,
 * except patient_key (the import hashes the source patient id with its own key) and assessments' subscales,
 * which the contract does not carry.
 */
export async function exportSyntheticNetwork(options: ExportOptions): Promise<ExportReport> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const synthetic = generateSyntheticNetwork({
    preset: options.preset,
    seed,
    episodes: options.episodes,
    batchEpisodes: options.batchEpisodes,
  });
  await mkdir(options.outDir, { recursive: true });
  const sink: ExportSink =
    options.format === 'csv' ? await CsvExport.open(options.outDir) : FhirExport.open(options.outDir);
  let files: ExportedFile[];
  try {
    await sink.writeNetwork(programRecords(synthetic.network), staffRecords(synthetic.network));
    options.onProgress?.(0, synthetic.network.size.episodes);
    for (const batch of synthetic.batches()) {
      await sink.writeBatch(batchRecords(batch.rows));
      options.onProgress?.(batch.episodesDone, batch.episodesTotal);
    }
    files = await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return {
    preset: options.preset,
    seed,
    format: options.format,
    outDir: options.outDir,
    files,
    seconds: (Date.now() - started) / 1000,
  };
}
