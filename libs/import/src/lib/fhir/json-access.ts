/**
 * Reading parsed FHIR JSON without trusting its shape: a file from outside may hold anything, so every accessor
 * answers `undefined` (or an empty list) for a value of the wrong type instead of throwing.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The objects of an array (anything else in it is ignored). */
export function objectsOf(value: unknown): JsonObject[] {
  return asArray(value)
    .map(asObject)
    .filter((item): item is JsonObject => item !== undefined);
}

/** A non-blank string, trimmed; undefined otherwise. */
export function asString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The value at a path of keys and array indexes: `at(resource, 'period', 'start')`. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = asArray(current)[key];
    else current = asObject(current)?.[key];
    if (current === undefined) return undefined;
  }
  return current;
}

export function stringAt(value: unknown, ...path: Array<string | number>): string | undefined {
  return asString(at(value, ...path));
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

/** The codings of a CodeableConcept. */
export function codingsOf(concept: unknown): Coding[] {
  return objectsOf(at(concept, 'coding')).map((coding) => ({
    system: asString(coding['system']),
    code: asString(coding['code']),
    display: asString(coding['display']),
  }));
}

/** The first code of a CodeableConcept (or of any of a list of them) in a system. */
export function codeInSystem(concepts: unknown, system: string): string | undefined {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  for (const concept of list) {
    const coding = codingsOf(concept).find((candidate) => candidate.system === system && candidate.code);
    if (coding?.code) return coding.code;
  }
  return undefined;
}

/** Whether a CodeableConcept (or any of a list of them) has this code in this system. */
export function hasCoding(concepts: unknown, system: string, code: string): boolean {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  return list.some((concept) => codingsOf(concept).some((coding) => coding.system === system && coding.code === code));
}

/** Every code of a CodeableConcept (or a list of them), whatever its system. */
export function allCodes(concepts: unknown): string[] {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  return list.flatMap((concept) => codingsOf(concept).flatMap((coding) => (coding.code ? [coding.code] : [])));
}

/** The human-readable words of a CodeableConcept: its text and its codings' displays. */
export function conceptWords(concept: unknown): string[] {
  const words = codingsOf(concept).flatMap((coding) => (coding.display ? [coding.display] : []));
  const text = stringAt(concept, 'text');
  return text ? [text, ...words] : words;
}

/** The extension with this URL on a resource or element (first one wins). */
export function extensionOf(element: unknown, url: string): JsonObject | undefined {
  return objectsOf(at(element, 'extension')).find((extension) => extension['url'] === url);
}

export function extensionValue(element: unknown, url: string, valueKey: string): unknown {
  return extensionOf(element, url)?.[valueKey];
}

export interface ParsedReference {
  type: string;
  id: string;
}

const REFERENCE_PATTERN = /(?:^|\/)([A-Z][A-Za-z]+)\/([^/]+?)(?:\/_history\/[^/]+)?$/;

/**
 * `Type/id` of a Reference (also a full URL ending in `Type/id`, with or without `_history`). Bundle-internal
 * `urn:uuid:` references are rewritten to `Type/id` when the Bundle is read, so they arrive here resolved.
 */
export function parseReference(reference: unknown): ParsedReference | undefined {
  const text = stringAt(reference, 'reference');
  if (!text || text.startsWith('#')) return undefined;
  const match = REFERENCE_PATTERN.exec(text);
  return match ? { type: match[1], id: match[2] } : undefined;
}

/** The id of a Reference when it points to one of these resource types. */
export function referenceIdOf(reference: unknown, ...types: string[]): string | undefined {
  const parsed = parseReference(reference);
  return parsed && types.includes(parsed.type) ? parsed.id : undefined;
}

/** `Type/id` written back, for messages. */
export function referenceText(reference: ParsedReference): string {
  return `${reference.type}/${reference.id}`;
}

/** The date (YYYY-MM-DD) of a FHIR date or dateTime; undefined for a partial date or anything else. */
export function datePartOf(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return match ? match[1] : undefined;
}

/** A number as a CSV cell writes it: integers without a decimal point, no exponent for ordinary values. */
export function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
