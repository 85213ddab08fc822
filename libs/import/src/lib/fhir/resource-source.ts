import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { rejection, type ImportFile, type Rejection } from '../source-record';
import { asObject, asString, objectsOf, type JsonObject } from './json-access';
import type { ResourceLocation } from './mapping';

/** The resource types mapped in the second pass, streamed and never kept: there may be millions of them. */
export const BULK_TYPES: ReadonlySet<string> = new Set([
  'Appointment',
  'Observation',
  'MedicationDispense',
  'Goal',
  'ChargeItem',
]);
/** Encounters are read in both passes: links in the first, the ones without an Appointment mapped in the second. */
export const SECOND_PASS_TYPES: ReadonlySet<string> = new Set([...BULK_TYPES, 'Encounter']);

export const ACCEPTED_BUNDLE_TYPES: ReadonlySet<string> = new Set(['collection', 'transaction', 'searchset']);

/** A .json file is parsed whole; beyond this size NDJSON (read line by line) is required. */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

export type Pass = 'directory' | 'bulk';

export type SourceItem =
  | { kind: 'resource'; resource: JsonObject; type: string; at: ResourceLocation }
  | { kind: 'rejection'; rejection: Rejection }
  /** An NDJSON line of a second-pass type, left unparsed in the first pass. */
  | { kind: 'deferred' };

/**
 * Bytes read, reported as increments (`onBytes(n)`: n more bytes) that add up to the files' total size although
 * most files are read twice: each pass counts half of what it reads, and a file the second pass does not need
 * counts its second half at once.
 */
export class ByteProgress {
  private halfBytes = 0;
  private reported = 0;

  constructor(private readonly onBytes?: (bytesRead: number) => void) {}

  /** Bytes read by one pass. */
  read(bytes: number): void {
    this.halfBytes += bytes;
    const total = Math.floor(this.halfBytes / 2);
    if (total > this.reported && this.onBytes) {
      this.onBytes(total - this.reported);
      this.reported = total;
    }
  }

  /** The second half of a file that the second pass does not read. */
  skipped(bytes: number): void {
    this.read(bytes);
  }
}

/** Every resource of a file, for one pass. Never throws: bad input becomes rejections. */
export async function* readResources(file: ImportFile, pass: Pass, progress: ByteProgress): AsyncGenerator<SourceItem> {
  if (/\.ndjson$/i.test(file.name)) yield* readNdjson(file, pass, progress);
  else yield* readJson(file, pass, progress);
}

const LEADING_TYPE = /^\s*\{\s*"resourceType"\s*:\s*"([A-Za-z]+)"/;

async function* readNdjson(file: ImportFile, pass: Pass, progress: ByteProgress): AsyncGenerator<SourceItem> {
  const stream = createReadStream(file.path);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let counted = 0;
  try {
    for await (const rawLine of lines) {
      lineNumber += 1;
      if (stream.bytesRead !== counted) {
        progress.read(stream.bytesRead - counted);
        counted = stream.bytesRead;
      }
      const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
      if (line.trim() === '') continue;
      const item = ndjsonLine(line, lineNumber, file, pass);
      if (item) yield item;
    }
  } catch (error) {
    if (pass === 'directory') yield { kind: 'rejection', rejection: unreadable(file, error) };
  } finally {
    lines.close();
    stream.destroy();
  }
  progress.read(stream.bytesRead - counted);
}

/**
 * One NDJSON line. A line whose first key is `resourceType` is only parsed in the pass that maps its type (the
 * usual case: exporters write resourceType first); any other line is parsed in both passes. A line that is not
 * JSON is reported by the pass that owns it, so once.
 */
function ndjsonLine(line: string, lineNumber: number, file: ImportFile, pass: Pass): SourceItem | null {
  const guessed = LEADING_TYPE.exec(line)?.[1];
  if (pass === 'directory' && guessed && SECOND_PASS_TYPES.has(guessed)) {
    // Encounters are needed in the first pass too (appointment links).
    if (guessed !== 'Encounter') return { kind: 'deferred' };
  }
  if (pass === 'bulk' && guessed && !SECOND_PASS_TYPES.has(guessed)) return null;
  const ownsErrors = pass === 'directory' || (guessed !== undefined && BULK_TYPES.has(guessed));
  const at: ResourceLocation = { file: file.name, line: lineNumber, resourceId: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line) as unknown;
  } catch (error) {
    return ownsErrors
      ? { kind: 'rejection', rejection: rejection(at, `line ${lineNumber} is not JSON: ${errorMessage(error)}`) }
      : null;
  }
  const item = resourceItem(parsed, at);
  if (item.kind === 'rejection') return pass === 'directory' ? item : null;
  if (pass === 'bulk' && item.kind === 'resource' && !SECOND_PASS_TYPES.has(item.type)) return null;
  return item;
}

function resourceItem(parsed: unknown, at: ResourceLocation): SourceItem {
  const resource = asObject(parsed);
  const type = asString(resource?.['resourceType']);
  if (!resource || !type) {
    return {
      kind: 'rejection',
      rejection: rejection(at, 'not a FHIR resource: resourceType is missing', 'resourceType'),
    };
  }
  const id = asString(resource['id']);
  return { kind: 'resource', resource, type, at: { ...at, resourceId: id ? `${type}/${id}` : null } };
}

async function* readJson(file: ImportFile, pass: Pass, progress: ByteProgress): AsyncGenerator<SourceItem> {
  const at: ResourceLocation = { file: file.name, line: null, resourceId: null };
  let text: string;
  try {
    const { size } = await stat(file.path);
    if (size > MAX_JSON_FILE_BYTES) {
      progress.read(size);
      const reason = `the file is over 256 MiB: write it as NDJSON (one resource per line, <ResourceType>.ndjson)`;
      if (pass === 'directory') yield { kind: 'rejection', rejection: rejection(at, reason) };
      return;
    }
    const buffer = await readFile(file.path);
    progress.read(buffer.length);
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (pass === 'directory') yield { kind: 'rejection', rejection: unreadable(file, error) };
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    const line = lineOfJsonError(text, errorMessage(error));
    const reason = `the file is not JSON: ${errorMessage(error)}`;
    if (pass === 'directory') yield { kind: 'rejection', rejection: rejection({ ...at, line }, reason) };
    return;
  }
  const root = resourceItem(parsed, at);
  if (root.kind !== 'resource' || root.type !== 'Bundle') {
    if (pass === 'directory' || (root.kind === 'resource' && SECOND_PASS_TYPES.has(root.type))) yield root;
    return;
  }
  const bundleType = asString(root.resource['type']);
  if (!bundleType || !ACCEPTED_BUNDLE_TYPES.has(bundleType)) {
    const reason = `Bundle of type ${bundleType ?? '(none)'} is not supported (collection, transaction or searchset)`;
    if (pass === 'directory') {
      yield { kind: 'rejection', rejection: rejection(root.at, reason, 'Bundle.type', bundleType ?? null) };
    }
    return;
  }
  for (const resource of bundleResources(root.resource)) {
    const item = resourceItem(resource, at);
    if (pass === 'directory' || (item.kind === 'resource' && SECOND_PASS_TYPES.has(item.type))) yield item;
  }
}

const URN = /^urn:uuid:(.+)$/i;

/**
 * The entries' resources, with `urn:uuid:` references (a transaction's way to link entries) rewritten to the
 * `Type/id` of the entry they name; an entry without an id takes its uuid as its id.
 */
function bundleResources(bundle: JsonObject): Array<Record<string, unknown>> {
  const byFullUrl = new Map<string, string>();
  const resources: Array<Record<string, unknown>> = [];
  for (const entry of objectsOf(bundle['entry'])) {
    const resource = mutableObject(entry['resource']);
    if (!resource) continue;
    const fullUrl = asString(entry['fullUrl']);
    const uuid = fullUrl ? URN.exec(fullUrl)?.[1] : undefined;
    if (!asString(resource['id']) && uuid) resource['id'] = uuid;
    const type = asString(resource['resourceType']);
    const id = asString(resource['id']);
    if (fullUrl && type && id) byFullUrl.set(fullUrl, `${type}/${id}`);
    resources.push(resource);
  }
  if (byFullUrl.size > 0) resources.forEach((resource) => rewriteReferences(resource, byFullUrl));
  return resources;
}

function rewriteReferences(value: unknown, byFullUrl: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => rewriteReferences(item, byFullUrl));
    return;
  }
  const element = mutableObject(value);
  if (!element) return;
  for (const [key, child] of Object.entries(element)) {
    if (key === 'reference' && typeof child === 'string' && byFullUrl.has(child)) {
      element[key] = byFullUrl.get(child);
    } else if (typeof child === 'object' && child !== null) {
      rewriteReferences(child, byFullUrl);
    }
  }
}

/** Bundle entries are rewritten in place (they were parsed here and belong to nobody else). */
function mutableObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function unreadable(file: ImportFile, error: unknown): Rejection {
  return rejection(
    { file: file.name, line: null, resourceId: null },
    `the file cannot be read: ${errorMessage(error)}`,
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The line of a JSON.parse error. Node's wording varies: "line N" or "position N" when given; otherwise V8 quotes
 * the text around the error (10 characters either side, "..." where cut), which is looked up in the file (the
 * first match: a best effort). Null when nothing tells.
 */
function lineOfJsonError(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const lineAt = (position: number): number => text.slice(0, position).split('\n').length;
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(Number(position[1]));
  if (/end of JSON input/.test(message)) return lineAt(text.trimEnd().length);
  const quoted = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return null;
  const [, token, cutBefore, context] = quoted as unknown as [string, string, string | undefined, string];
  const found = text.indexOf(context);
  if (found < 0) return null;
  return lineAt(found + (cutBefore ? 10 : Math.max(0, context.indexOf(token))));
}
