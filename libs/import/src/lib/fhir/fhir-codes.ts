import { MEDICATIONS, PAYERS, SCREEN_ANALYTES, type Medication, type Payer, type Substance } from '@iop/contracts';
import { allCodes, codeInSystem, codingsOf, conceptWords } from './json-access';

/** Our own extensions and code systems (docs/DATA-IMPORT.md, FHIR section). */
const OURS = 'https://iop-outcomes.org/fhir/';

export const EXTENSION = {
  episodeOfCare: `${OURS}episode-of-care`,
  asamLevel: `${OURS}asam-level`,
  timezone: `${OURS}timezone`,
  asamEdition: `${OURS}asam-edition`,
  employment: `${OURS}employment`,
  tedsReason: `${OURS}teds-reason`,
  dischargeReasonLocal: `${OURS}discharge-reason-local`,
  priorDischargeDate: `${OURS}prior-discharge-date`,
  payer: `${OURS}payer`,
  severity: `${OURS}severity`,
  referralSource: `${OURS}referral-source`,
  priorEpisodes: `${OURS}prior-episodes`,
  familyInvolved: `${OURS}family-involved`,
  oud: `${OURS}oud`,
  modality: `${OURS}modality`,
  screenExpected: `${OURS}screen-expected`,
} as const;

export const SYSTEM = {
  asamLevel: `${OURS}CodeSystem/asam-level`,
  staffRole: `${OURS}CodeSystem/staff-role`,
  sessionType: `${OURS}CodeSystem/session-type`,
  drugScreen: `${OURS}CodeSystem/drug-screen`,
  instrument: `${OURS}CodeSystem/instrument`,
  mutualHelp: `${OURS}CodeSystem/mutual-help`,
  medication: `${OURS}CodeSystem/medication`,
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  cancellationReason: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
} as const;

/** Urine drug screen LOINC codes read as one analyte (a short list; anything else is not a drug screen). */
export const DRUG_SCREEN_LOINC: Readonly<Record<string, string>> = {
  '19295-5': 'opioids', // Opiates [Presence] in Urine by Screen method
  '59673-4': 'fentanyl', // fentaNYL [Presence] in Urine by Screen method
  '19550-3': 'methadone', // Methadone [Presence] in Urine by Screen method
  '19359-9': 'stimulants', // Cocaine [Presence] in Urine by Screen method
  '3397-7': 'stimulants', // Cocaine [Presence] in Urine
  '19343-3': 'stimulants', // Amphetamine [Presence] in Urine by Screen method
  '18282-4': 'cannabis', // Cannabinoids [Presence] in Urine by Screen method
  '14316-4': 'benzodiazepines', // Benzodiazepines [Presence] in Urine by Screen method
  '5644-0': 'alcohol', // Ethanol [Presence] in Urine
};

/** The panel code of our drug-screen system: the observation of a whole screen, one component per analyte. */
export const DRUG_SCREEN_PANEL = 'panel';

/** The analyte a code names (our drug-screen system or a listed LOINC code); undefined for anything else. */
export function analyteOf(concept: unknown): string | undefined {
  const ours = codeInSystem(concept, SYSTEM.drugScreen);
  if (ours && (SCREEN_ANALYTES as readonly string[]).includes(ours)) return ours;
  const loinc = codeInSystem(concept, SYSTEM.loinc);
  return loinc ? DRUG_SCREEN_LOINC[loinc] : undefined;
}

/** SNOMED CT results and HL7 interpretation codes of a qualitative screen. */
export const SNOMED_POSITIVE = '10828004';
export const SNOMED_NEGATIVE = '260385009';
export const INTERPRETATION_POSITIVE = 'POS';
export const INTERPRETATION_NEGATIVE = 'NEG';

/** ICD-10-CM category -> primary substance; any other code is `other`. */
const SUBSTANCE_BY_ICD_CATEGORY: Readonly<Record<string, Substance>> = {
  F10: 'alcohol',
  F11: 'opioids',
  F12: 'cannabis',
  F14: 'stimulants',
  F15: 'stimulants',
};

export function substanceOfIcd10(code: string): Substance {
  return SUBSTANCE_BY_ICD_CATEGORY[code.toUpperCase().slice(0, 3)] ?? 'other';
}

export function isOpioidUseDisorder(code: string): boolean {
  return code.toUpperCase().startsWith('F11');
}

/**
 * A payer of the vocabulary named by a code or a display, compared case-insensitively, with spaces and dashes
 * read as underscores ("Self Pay", "self-pay" -> self_pay).
 */
export function payerOfText(text: string | undefined): Payer | undefined {
  if (!text) return undefined;
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (PAYERS as readonly string[]).includes(normalized) ? (normalized as Payer) : undefined;
}

/** RxNorm ingredient codes of the medications for addiction treatment. */
const RXNORM_INGREDIENT: Readonly<Record<string, Medication | 'naltrexone'>> = {
  '1819': 'buprenorphine',
  '6813': 'methadone',
  '7243': 'naltrexone',
  '39993': 'acamprosate',
  '3554': 'disulfiram',
};

/** Generic and US brand names, matched as words in a coding display or a text. */
const MEDICATION_NAMES: ReadonlyArray<[RegExp, Medication | 'naltrexone']> = [
  [/\b(buprenorphine|suboxone|subutex|zubsolv|sublocade|brixadi)\b/i, 'buprenorphine'],
  [/\b(methadone|methadose|dolophine)\b/i, 'methadone'],
  [/\b(naltrexone|vivitrol|revia)\b/i, 'naltrexone'],
  [/\b(acamprosate|campral)\b/i, 'acamprosate'],
  [/\b(disulfiram|antabuse)\b/i, 'disulfiram'],
];

/** Words that make naltrexone the extended-release injection rather than the tablet. */
const EXTENDED_RELEASE = /\b(extended[- ]release|ER|XR|injectable|injection|inj|intramuscular|vivitrol)\b/i;

export type MedicationMatch =
  | { kind: 'medication'; medication: Medication }
  /** Coded or named, but not one of the six medications (e.g. an antibiotic). */
  | { kind: 'other'; label: string }
  | { kind: 'absent' };

/** The medication a CodeableConcept names: our code system first, then an RxNorm ingredient, then the words. */
export function medicationOfConcept(concept: unknown): MedicationMatch {
  const ours = codeInSystem(concept, SYSTEM.medication);
  if (ours && (MEDICATIONS as readonly string[]).includes(ours))
    return { kind: 'medication', medication: ours as Medication };
  const words = conceptWords(concept);
  const rxnorm = codingsOf(concept)
    .filter((coding) => coding.system === SYSTEM.rxnorm && coding.code)
    .map((coding) => RXNORM_INGREDIENT[coding.code as string])
    .find((ingredient) => ingredient !== undefined);
  const named = rxnorm ?? MEDICATION_NAMES.find(([pattern]) => words.some((word) => pattern.test(word)))?.[1];
  if (named === 'naltrexone') {
    const extended = words.some((word) => EXTENDED_RELEASE.test(word));
    return { kind: 'medication', medication: extended ? 'naltrexone_xr' : 'naltrexone_oral' };
  }
  if (named) return { kind: 'medication', medication: named };
  const label = words[0] ?? allCodes(concept)[0];
  return label ? { kind: 'other', label } : { kind: 'absent' };
}
