/** The fixed hostile inputs the fuzz suite draws from, besides what fast-check generates. */

/** Text an attacker or a broken client sends: NUL, SQL, markup, paths, odd unicode, a 10,000-character string. */
export const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '%00',
  "' or 1=1 --",
  '1; drop table users; --',
  "' union select null, null --",
  "1' and pg_sleep(5) is null --",
  '$1',
  '%',
  '\\',
  '"',
  "'",
  '{"$gt":""}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\uD800',
  '\uDFFF',
  '\u202Eevil',
  '\uFEFF',
  'é'.normalize('NFD'),
  '𝕏'.repeat(50),
  '\r\nSet-Cookie: x=1',
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'x'.repeat(10_000),
];

/** Numbers as text: huge, negative, fractional, not finite, other notations, just past int4. */
export const HOSTILE_NUMBERS = [
  '1e308',
  '-1e308',
  '1e309',
  '99999999999999999999',
  '-99999999999999999999',
  '2147483648',
  '2147483647',
  '-2147483649',
  '9007199254740993',
  '0',
  '-1',
  '-0',
  '0.5',
  '1.0',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  ' 1',
  '1 ',
  '+1',
];

/** Dates that do not exist, are out of PostgreSQL's reach, or are written another way. */
export const HOSTILE_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-01-32',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '2025-1-1',
  '20250101',
  '2025-01-01T00:00:00Z',
  '2025-01-01 ',
  '01/02/2025',
];

/** Numbers a JSON body may carry that no field takes (1e20 is what 99999999999999999999 parses to). */
export const HOSTILE_JSON_NUMBERS = [1e308, -1e308, 1e20, 2147483648, -2147483649, -1, 0, 0.5, -0];

/** Query-string fragments appended as they are (not encoded): bad escapes, brackets, prototype keys. */
export const RAW_QUERY_FRAGMENTS = [
  'from=%',
  'from=%E0%A4%A',
  'programId[]=1',
  'programId[0]=1',
  'payer[a]=medicaid',
  '__proto__=1',
  'constructor[prototype][admin]=1',
  'hasOwnProperty=1',
  '&&&',
  '=',
  'from',
];

/** Bodies that are not JSON, or not the JSON an endpoint takes: truncated, primitives, too large. */
export const RAW_BODIES = [
  '',
  '{',
  '{"email":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  '"text"',
  '1',
  'null',
  '{"a":NaN}',
  '\u0000',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"isAdmin":true}}',
  `{"a":"${'x'.repeat(101 * 1024)}"}`,
];
