import fc from 'fast-check';
import {
  HOSTILE_DATES,
  HOSTILE_JSON_NUMBERS,
  HOSTILE_NUMBERS,
  HOSTILE_TEXT,
  RAW_BODIES,
  RAW_QUERY_FRAGMENTS,
} from './hostile-values';
import type { FuzzOperation, SchemaObject } from './openapi-operations';

/** Strings with a NUL, SQL or other text from the lists above, or random unicode (lone surrogates included). */
const hostileText = fc.oneof(
  // NUL, which PostgreSQL refuses in text, is the one most likely to get past a DTO's rules.
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT.filter((text) => text.includes('\u0000'))) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);
const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);
const hostileDate = fc.constantFrom(...HOSTILE_DATES);

/** Hostile text for a value of this schema: mostly of its own kind (numbers for a number), any kind otherwise. */
function hostileTextFor(schema: SchemaObject, name: string): fc.Arbitrary<string> {
  const own =
    schema.type === 'number' || schema.type === 'integer' || schema.items?.type === 'number'
      ? hostileNumber
      : schema.format === 'date' || name === 'from' || name === 'to'
        ? hostileDate
        : hostileText;
  return fc.oneof(
    { weight: 3, arbitrary: own },
    { weight: 2, arbitrary: fc.oneof(hostileText, hostileNumber, hostileDate) },
  );
}

/** JSON nested `depth` levels deep, as arrays or objects. */
const deepJson = fc
  .tuple(fc.integer({ min: 2, max: 1500 }), fc.boolean())
  .map(([depth, asArrays]) =>
    Array.from({ length: depth }).reduce<unknown>((inner) => (asArrays ? [inner] : { a: inner }), 1),
  );

/** A JSON value a field of this schema should not hold. */
function hostileJsonFor(schema: SchemaObject, name: string): fc.Arbitrary<unknown> {
  const branches: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 4, arbitrary: hostileTextFor(schema, name) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, ...HOSTILE_JSON_NUMBERS) },
    // An array where a scalar is expected, or a scalar where a list is.
    { weight: 1, arbitrary: fc.array(hostileTextFor(schema, name), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constant({ $gt: '' }) },
    { weight: 1, arbitrary: deepJson },
  ];
  // An object or a list of the right shape with bad values inside (built only for such schemas: the
  // arbitraries are built eagerly, and a schema-less item would recurse for ever).
  if (schema.type === 'object' && schema.properties) {
    branches.push({ weight: 3, arbitrary: objectOf(schema, hostileValue) });
  }
  if (schema.type === 'array' && schema.items) {
    branches.push({ weight: 3, arbitrary: fc.array(hostileValue(schema.items, name), { maxLength: 3 }) });
  }
  return fc.oneof(...branches);
}

const isoDay = fc
  .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A value the schema allows (the JSON value; query parameters send it as text). */
export function validValue(schema: SchemaObject, name: string): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'array':
      return fc.array(validValue(schema.items ?? {}, name), { minLength: 1, maxLength: 3 });
    case 'object':
      return objectOf(schema, validValue);
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      // Small ids name rows of the fixture; a bounded range (limit, offset) is used whole.
      return fc.integer({ min: schema.minimum ?? 1, max: schema.maximum ?? (schema.minimum ?? 1) + 3 });
  }
  if (schema.format === 'date' || name === 'from' || name === 'to') return isoDay;
  if (schema.format === 'uuid' || name === 'id') return fc.uuid({ version: 4 });
  if (name === 'email') return fc.emailAddress();
  const minLength = schema.minLength ?? (schema.format === 'password' ? 12 : 0);
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

/** Valid three times in four, else hostile: the values inside a hostile object. */
function hostileValue(schema: SchemaObject, name: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: validValue(schema, name) },
    { weight: 1, arbitrary: hostileJsonFor(schema, name) },
  );
}

/** Half the time `value`, else undefined (left out). */
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 2 });

/** An object of the schema's properties: every required one, each optional one half the time. */
function objectOf(
  schema: SchemaObject,
  value: (schema: SchemaObject, name: string) => fc.Arbitrary<unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const field = value(property, name).map((item) => [name, item] as const);
    return schema.required?.includes(name) ? field : sometimes(field);
  });
  return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.filter((entry) => entry !== undefined)));
}

/** One place a request carries a value: a path or query parameter, or a top-level field of the JSON body. */
interface Slot {
  in: 'path' | 'query' | 'body';
  name: string;
  /** A value the schema allows; undefined leaves an optional one out. */
  valid: fc.Arbitrary<unknown>;
  /** A value it does not allow; undefined leaves a required one out. */
  hostile: fc.Arbitrary<unknown>;
}

function slotsOf(operation: FuzzOperation): Slot[] {
  const parameterSlots = operation.parameters
    .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
    .map(
      (parameter): Slot =>
        slotOf(parameter.in as 'path' | 'query', parameter.name, parameter.schema ?? {}, parameter.required ?? false),
    );
  const body = operation.body?.schema;
  const bodySlots = Object.entries(body?.properties ?? {}).map(([name, schema]) =>
    slotOf('body', name, schema, body?.required?.includes(name) ?? false),
  );
  return [...parameterSlots, ...bodySlots];
}

function slotOf(where: Slot['in'], name: string, schema: SchemaObject, required: boolean): Slot {
  const valid = validValue(schema, name);
  const hostile =
    where === 'body'
      ? hostileJsonFor(schema, name)
      : fc.oneof(
          { weight: 4, arbitrary: hostileTextFor(schema, name) },
          // A repeated parameter where one value is expected, or a list mixing good and bad values.
          {
            weight: 1,
            arbitrary: fc.array(fc.oneof(valid, hostileTextFor(schema, name)), { minLength: 2, maxLength: 4 }),
          },
          { weight: where === 'path' ? 1 : 0, arbitrary: fc.constantFrom('%', '%FF', '%E0%A4%A', '..', '.') },
        );
  return {
    in: where,
    name,
    valid: required || where === 'path' ? valid : sometimes(valid),
    hostile:
      required && where !== 'path' ? fc.oneof({ weight: 5, arbitrary: hostile }, fc.constant(undefined)) : hostile,
  };
}

/** What a request carries besides its slots' values: each of these is a fault of its own. */
interface Extras {
  rawQuery?: string;
  cookie?: string;
  extraField?: readonly [string, unknown];
  rawBody?: string;
}

const NO_EXTRAS: Extras = {};

function extrasArb(operation: FuzzOperation): fc.Arbitrary<Extras> {
  const cookie = fc
    .tuple(fc.constantFrom('iop_access', 'iop_refresh'), hostileText)
    .map(([name, value]) => `${name}=${encodeSegment(value)}`);
  const extraField = fc.tuple(
    fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role ', '$where', ''),
    hostileJsonFor({}, ''),
  );
  const rawBody = fc.oneof(
    fc.constantFrom(...RAW_BODIES),
    hostileJsonFor({ type: 'object' }, '').map((value) => JSON.stringify(value)),
  );
  const options: Array<fc.Arbitrary<Extras>> = [
    fc.constantFrom(...RAW_QUERY_FRAGMENTS).map((rawQuery) => ({ rawQuery })),
    cookie.map((value) => ({ cookie: value })),
  ];
  if (operation.method !== 'GET') options.push(rawBody.map((body) => ({ rawBody: body })));
  if (operation.body) options.push(extraField.map((field) => ({ extraField: field })));
  return fc.oneof(...options);
}

export interface FuzzRequest {
  method: string;
  url: string;
  body?: string;
  /** A Cookie header with a hostile session or refresh cookie. */
  cookie?: string;
}

export interface RequestShaping {
  /** Replaces the values drawn for the path parameter `id` (e.g. to keep the fuzzing accounts' ids out). */
  pathId?: fc.Arbitrary<string>;
  /** Rewrites the body so that it is refused (operations that would start a long job). */
  refuseBody?: (body: string | undefined) => string;
}

/** The text of one query or path value. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Encodes a path segment or cookie; lone surrogates (which encodeURIComponent refuses) travel as U+FFFD. */
const encodeSegment = (value: string) =>
  encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/**
 * Requests for one operation, in three kinds: all valid (3 in 10), one fault (5 in 10: one parameter or field
 * hostile, or a bad query fragment, cookie, extra field or body), and many faults at once (2 in 10).
 * Requests with a single fault get past the other rules, so that what follows validation is reached too.
 */
export function requestsFor(operation: FuzzOperation, shaping: RequestShaping = {}): fc.Arbitrary<FuzzRequest> {
  const slots = slotsOf(operation).map((slot) =>
    slot.in === 'path' && slot.name === 'id' && shaping.pathId
      ? { ...slot, valid: shaping.pathId, hostile: shaping.pathId }
      : slot,
  );
  const valid = fc.tuple(...slots.map((slot) => slot.valid));
  const oneFault = fc.oneof(
    {
      weight: slots.length ? 4 : 0,
      arbitrary: fc.tuple(valid, fc.nat(Math.max(slots.length - 1, 0))).chain(([values, index]) =>
        (slots[index]?.hostile ?? fc.constant(undefined)).map((bad) => ({
          values: values.map((value, at) => (at === index ? bad : value)),
          extras: {},
        })),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(valid, extrasArb(operation)).map(([values, extras]) => ({ values, extras })) },
  );
  const manyFaults = fc.record({
    values: fc.tuple(
      ...slots.map((slot) => fc.oneof({ weight: 2, arbitrary: slot.valid }, { weight: 1, arbitrary: slot.hostile })),
    ),
    extras: fc.tuple(extrasArb(operation), extrasArb(operation)).map(([a, b]) => ({ ...a, ...b })),
  });
  return fc
    .oneof(
      { weight: 3, arbitrary: valid.map((values) => ({ values, extras: NO_EXTRAS })) },
      { weight: 5, arbitrary: oneFault },
      { weight: 2, arbitrary: manyFaults },
    )
    .map(({ values, extras }) => build(operation, slots, values, extras, shaping));
}

function build(
  operation: FuzzOperation,
  slots: Slot[],
  values: unknown[],
  extras: Extras,
  shaping: RequestShaping,
): FuzzRequest {
  let url = operation.path;
  const search = new URLSearchParams();
  const fields: Array<readonly [string, unknown]> = [];
  slots.forEach((slot, index) => {
    const value = values[index];
    if (value === undefined) return;
    if (slot.in === 'path')
      url = url.replace(
        `{${slot.name}}`,
        /^%|^\.+$/.test(asText(value)) ? asText(value) : encodeSegment(asText(value)),
      );
    if (slot.in === 'query') [value].flat().forEach((item) => search.append(slot.name, asText(item)));
    if (slot.in === 'body') fields.push([slot.name, value]);
  });
  if (extras.extraField) fields.push(extras.extraField);
  const query = [search.toString(), extras.rawQuery].filter(Boolean).join('&');
  // fromEntries defines "__proto__" as an own key, as JSON.parse does, instead of setting the prototype.
  const json = operation.body ? JSON.stringify(Object.fromEntries(fields)) : undefined;
  const body = operation.method === 'GET' ? undefined : (extras.rawBody ?? json);
  return {
    method: operation.method,
    url: query ? `${url}?${query}` : url,
    body: shaping.refuseBody ? shaping.refuseBody(body) : body,
    cookie: extras.cookie,
  };
}

/** One request with only valid values: whether a role may call the operation at all. */
export function validRequestFor(operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const slots = slotsOf(operation).filter((slot) => slot.in === 'path');
  return fc
    .tuple(...slots.map((slot) => slot.valid))
    .map((values) => build(operation, slots, values, {}, {}))
    .map((request) => ({ ...request, body: operation.method === 'GET' ? undefined : '{}' }));
}
