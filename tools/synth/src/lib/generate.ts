import { loadGroundTruth, type GroundTruth, type PresetName, type PresetSize } from './ground-truth';
import { createContext, type GeneratorContext } from './model/context';
import type { EpisodeCourse } from './model/episode';
import { ORGANIZATION_NAME, type Program } from './model/network';
import { generatePatient } from './model/patient';
import { emptyTableRows, ORGANIZATION_ID, type StaffRow, type TableRows } from './rows/tables';

export const DEFAULT_SEED = 20260630;
export const DEFAULT_BATCH_EPISODES = 500;

export interface GenerateOptions {
  preset: PresetName;
  seed?: number;
  /** Overrides the preset's episode count (tests use small networks with a preset's programs). */
  episodes?: number;
  /** Episodes per batch: the unit of memory and of COPY; the rows do not depend on it. */
  batchEpisodes?: number;
  /** Keep each episode's latent course on the batch (for model checks; costs memory). */
  keepCourses?: boolean;
  truth?: GroundTruth;
}

/** What is generated once for the whole network, before the episode batches. */
export interface NetworkRows {
  organization: { id: number; name: string };
  programs: Program[];
  staff: StaffRow[];
  asOf: string;
  preset: PresetName;
  seed: number;
  size: PresetSize;
  generatorVersion: string;
}

export interface EpisodeBatch {
  rows: TableRows;
  /** Episodes generated so far, this batch included. */
  episodesDone: number;
  episodesTotal: number;
  courses?: EpisodeCourse[];
}

export interface SyntheticNetwork {
  network: NetworkRows;
  /** The episode batches, generated lazily: only one batch of rows is held at a time. */
  batches(): Generator<EpisodeBatch>;
}

/** The preset's size, with the episode count overridden when asked. */
export function presetSize(truth: GroundTruth, preset: PresetName, episodes?: number): PresetSize {
  const size = truth.presets[preset];
  if (!size) throw new Error(`unknown preset "${preset}"`);
  return episodes === undefined ? size : { ...size, episodes };
}

/**
 * The synthetic IOP network for a preset and seed: deterministic, streamed in batches of whole patients
 * (a patient's episodes stay in one batch, so a readmission never precedes its patient's row).
 */
export function generateSyntheticNetwork(options: GenerateOptions): SyntheticNetwork {
  const truth = options.truth ?? loadGroundTruth();
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`the seed must be an integer, not ${seed}`);
  const size = presetSize(truth, options.preset, options.episodes);
  const context = createContext(truth, seed, size);
  const batchEpisodes = Math.max(1, options.batchEpisodes ?? DEFAULT_BATCH_EPISODES);
  return {
    network: {
      organization: { id: ORGANIZATION_ID, name: ORGANIZATION_NAME },
      programs: context.network.programs,
      staff: context.network.staff,
      asOf: truth.asOf,
      preset: options.preset,
      seed,
      size,
      generatorVersion: truth.generatorVersion,
    },
    batches: () => episodeBatches(context, size.episodes, batchEpisodes, options.keepCourses === true),
  };
}

function* episodeBatches(
  context: GeneratorContext,
  total: number,
  batchEpisodes: number,
  keepCourses: boolean,
): Generator<EpisodeBatch> {
  let episodesDone = 0;
  let patientIndex = 0;
  let rows = emptyTableRows();
  let courses: EpisodeCourse[] = [];
  let inBatch = 0;
  while (episodesDone < total) {
    const patientCourses = generatePatient(context, patientIndex, episodesDone + 1, total - episodesDone, rows);
    patientIndex++;
    episodesDone += patientCourses.length;
    inBatch += patientCourses.length;
    if (keepCourses) courses.push(...patientCourses);
    if (inBatch >= batchEpisodes || episodesDone >= total) {
      yield { rows, episodesDone, episodesTotal: total, ...(keepCourses ? { courses } : {}) };
      rows = emptyTableRows();
      courses = [];
      inBatch = 0;
    }
  }
}
