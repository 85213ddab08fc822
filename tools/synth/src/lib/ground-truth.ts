import { readFileSync } from 'node:fs';
import path from 'node:path';

/** tools/synth/ground-truth.json: the one place where the planted effects are written. */
export const GROUND_TRUTH_PATH = path.resolve(__dirname, '../../ground-truth.json');

export type PresetName = 'demo' | 'standard' | 'large';
export const PRESET_NAMES: readonly PresetName[] = ['demo', 'standard', 'large'];

export interface PresetSize {
  iopPrograms: number;
  outpatientPrograms: number;
  episodes: number;
  appointmentsAbout: number;
}

export type EffectKind = 'effect' | 'no_effect';

export interface PlantedEffect {
  measure: string;
  /** The generator's parameter that carries this effect (see EffectSizes). */
  parameter: keyof EffectSizes;
  planted: number;
  kind: EffectKind;
}

export interface ClaimTruth extends PlantedEffect {
  id: number;
  claim: string;
  exposure: string;
  outcome: string;
  notes: string;
  secondary?: PlantedEffect[];
}

export interface SeverityEffects {
  adherenceShiftPerLevel: number;
  disengagementHazardRatioPerLevel: number;
  /** Weights of 3, 4 and 5 group days a week in IOP, by severity. */
  iopGroupDaysWeights: Record<'1' | '2' | '3', [number, number, number]>;
  /** Probability that a level 1 patient is scheduled a weekly group, by severity. */
  outpatientGroupProbability: Record<'1' | '2' | '3', number>;
  illicitUseLogOddsPerLevel: number;
  allianceShiftPerLevel: number;
  matProbabilityShiftPerLevel: number;
  readinessChangeShiftPerLevel: number;
}

export interface DistributionTarget {
  id: string;
  description: string;
  range: [number, number];
  source: string;
}

export interface GroundTruth {
  generatorVersion: string;
  asOf: string;
  windowDays: number;
  dollarYear: number;
  presets: Record<PresetName, PresetSize>;
  definitions: Record<string, string | string[]>;
  claims: ClaimTruth[];
  confounder: {
    name: 'severity';
    values: number[];
    distribution: Record<'1' | '2' | '3', number>;
    effects: SeverityEffects;
    notes: string;
  };
  targets: DistributionTarget[];
  /** Written by src/cli/calibrate.ts: the board's own statistics on a large generated sample. */
  expectedOnBoard: Record<string, unknown> | null;
}

/** The planted parameters the model reads, by name (each is the `parameter` of one claim or secondary effect). */
export interface EffectSizes {
  complianceSlopePerScheduledHourPerWeek: number;
  allianceSlopePerIndividualSessionPerWeek: number;
  disengagementHazardRatioPer5AlliancePoints: number;
  disengagementHazardRatioPerGroupAttendedPerWeek: number;
  disengagementHazardRatioIopVsOutpatient: number;
  attendanceDifferencePerEveningWeekendShare: number;
  iopChargesPerClientWeekUsd: number;
  disengagementHazardRatioFamilySession: number;
  readinessChangePerEarlyNegativeRate: number;
  negativeScreenRatePerMeetingPerWeek: number;
  disengagementHazardRatioMat: number;
}

const EFFECT_NAMES: ReadonlyArray<keyof EffectSizes> = [
  'complianceSlopePerScheduledHourPerWeek',
  'allianceSlopePerIndividualSessionPerWeek',
  'disengagementHazardRatioPer5AlliancePoints',
  'disengagementHazardRatioPerGroupAttendedPerWeek',
  'disengagementHazardRatioIopVsOutpatient',
  'attendanceDifferencePerEveningWeekendShare',
  'iopChargesPerClientWeekUsd',
  'disengagementHazardRatioFamilySession',
  'readinessChangePerEarlyNegativeRate',
  'negativeScreenRatePerMeetingPerWeek',
  'disengagementHazardRatioMat',
];

let cached: GroundTruth | undefined;

/** Reads and checks the ground-truth file (once per process unless a path is given). */
export function loadGroundTruth(file: string = GROUND_TRUTH_PATH): GroundTruth {
  if (file === GROUND_TRUTH_PATH && cached) return cached;
  const truth = JSON.parse(readFileSync(file, 'utf8')) as GroundTruth;
  checkGroundTruth(truth, file);
  if (file === GROUND_TRUTH_PATH) cached = truth;
  return truth;
}

/** Every planted effect of the file as one object the model reads. */
export function effectSizes(truth: GroundTruth): EffectSizes {
  const effects: Partial<EffectSizes> = {};
  for (const claim of truth.claims) {
    for (const effect of [claim, ...(claim.secondary ?? [])]) effects[effect.parameter] = effect.planted;
  }
  return effects as EffectSizes;
}

function checkGroundTruth(truth: GroundTruth, file: string): void {
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  const ids = truth.claims.map((claim) => claim.id).sort((a, b) => a - b);
  if (ids.join(',') !== '1,2,3,4,5,6,7,8,9,10') fail(`claims must be 1-10 once each, found ${ids.join(',')}`);
  const parameters = new Set<string>();
  for (const claim of truth.claims) {
    for (const effect of [claim, ...(claim.secondary ?? [])]) {
      if (!EFFECT_NAMES.includes(effect.parameter)) fail(`claim ${claim.id}: unknown parameter "${effect.parameter}"`);
      if (parameters.has(effect.parameter)) fail(`parameter ${effect.parameter} is planted twice`);
      parameters.add(effect.parameter);
      if (typeof effect.planted !== 'number' || !Number.isFinite(effect.planted))
        fail(`claim ${claim.id}: planted must be a number`);
      if (effect.kind !== 'effect' && effect.kind !== 'no_effect')
        fail(`claim ${claim.id}: kind must be effect or no_effect`);
      const none = effect.parameter.includes('HazardRatio') ? 1 : 0;
      if (effect.kind === 'no_effect' && effect.planted !== none)
        fail(`claim ${claim.id}: a no_effect must plant ${none}`);
    }
  }
  const missing = EFFECT_NAMES.filter((name) => !parameters.has(name));
  if (missing.length > 0) fail(`no claim plants ${missing.join(', ')}`);
  if (truth.claims.filter((claim) => claim.kind === 'no_effect').length < 2)
    fail('at least two claims must be planted as no effect');
  for (const name of ['demo', 'standard', 'large'] as const) {
    const preset = truth.presets[name];
    if (!preset || !(preset.episodes > 0) || !(preset.iopPrograms > 0)) fail(`preset ${name} is missing or empty`);
  }
  const distribution = Object.values(truth.confounder.distribution).reduce((sum, share) => sum + share, 0);
  if (Math.abs(distribution - 1) > 1e-9) fail('the severity distribution must sum to 1');
}
