/**
 * fast-check arbitraries of hostile input for the fuzz test: values of the wrong kind, values just
 * past a schema's limits, and well-formed examples bent one field at a time. They read the routes'
 * JSON schemas (TypeBox schemas are JSON Schema), so a new field or limit is fuzzed without a change here.
 */
import fc from 'fast-check';

/** The JSON Schema keywords the protocol's TypeBox schemas use. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** Bigger than any field allows, yet well inside the body limit. */
const HUGE_STRING = 'x'.repeat(20_000);

/** Numbers JSON can carry that trip careless code: huge, tiny, negative zero, past 2^53. */
const extremeNumber = fc.constantFrom(-0, -1, 0.5, 1e-320, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21);

/** Strings that have broken servers before. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  HUGE_STRING,
  '../../../etc/passwd',
  '\u0000',
  '\ud800',
  "'; drop table tickets; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '0x10',
  'NaN',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏦',
);

/** Any JSON value of any kind. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  extremeNumber,
  nastyString,
  fc.constantFrom(null, true, false, [], {}, { __proto__: { admin: true } }),
);

/** Values just outside what `schema` accepts, and of the wrong kind for it. */
export function pastTheEdges(schema: JsonSchema | undefined): unknown[] {
  if (!schema) return [];
  const values: unknown[] = [];
  if (schema.type === 'string') {
    values.push(1, true, null, ['a'], { a: 'a' });
    if (schema.minLength) values.push('', 'a'.repeat(schema.minLength - 1));
    if (schema.maxLength !== undefined) values.push('a'.repeat(schema.maxLength + 1));
    if (schema.pattern || schema.format) values.push('not it at all', ' 2026-11-23 ');
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    values.push('1', true, null, [1]);
    if (schema.type === 'integer') values.push(1.5);
    for (const limit of [schema.minimum, schema.exclusiveMinimum]) if (limit !== undefined) values.push(limit - 1, limit - 1e-9);
    for (const limit of [schema.maximum, schema.exclusiveMaximum]) if (limit !== undefined) values.push(limit + 1, limit + 1e-9);
    if (schema.exclusiveMinimum !== undefined) values.push(schema.exclusiveMinimum);
    if (schema.exclusiveMaximum !== undefined) values.push(schema.exclusiveMaximum);
  }
  if (schema.type === 'boolean') values.push('true', 1, 0, null);
  if (schema.anyOf) {
    // Unions of literals: near misses of each.
    for (const option of schema.anyOf) if (typeof option.const === 'string') values.push(option.const.toUpperCase(), ` ${option.const}`, `${option.const}x`);
    values.push('', 0, null);
  }
  if (schema.type === 'array') {
    values.push('a', {}, null);
    if (schema.minItems) values.push([]);
    if (schema.maxItems !== undefined) values.push(Array.from({ length: schema.maxItems + 1 }, (_, i) => `item-${i}`));
    if (schema.uniqueItems) values.push(['same', 'same']);
  }
  if (schema.type === 'object') values.push([], 'object', null, 0);
  return values;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `example` bent out of shape as `schema` describes it: one field (at any depth) given a wrong or
 * out-of-range value, a field left out, a field added, or the whole replaced by junk.
 */
export function bent(schema: JsonSchema | undefined, example: unknown): fc.Arbitrary<unknown> {
  const edges = pastTheEdges(schema);
  const whole = edges.length ? fc.oneof(junk, fc.constantFrom(...edges)) : junk;
  const fields = Object.keys(schema?.properties ?? {});
  if (isRecord(example) && fields.length) {
    const field = fc.constantFrom(...fields);
    const oneFieldBent = field.chain((name) => bent(schema!.properties![name], example[name]).map((value) => ({ ...example, [name]: value })));
    const oneFieldLeftOut = field.map((name) => Object.fromEntries(Object.entries(example).filter(([key]) => key !== name)));
    const fieldAdded = fc.tuple(fc.string({ maxLength: 20 }), junk).map(([name, value]) => ({ ...example, [name]: value }));
    return fc.oneof({ arbitrary: oneFieldBent, weight: 4 }, oneFieldLeftOut, fieldAdded, whole);
  }
  if (Array.isArray(example) && example.length && schema?.items) {
    const items = schema.items;
    const oneItemBent = fc.nat(example.length - 1).chain((i) => bent(items, example[i]).map((value) => example.map((item, j) => (i === j ? value : item))));
    return fc.oneof({ arbitrary: oneItemBent, weight: 2 }, whole);
  }
  return whole;
}

/** A path parameter that names nothing here, or that no id could be. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom('east', 'x'.repeat(65), 'x'.repeat(5000), '..', '.', '%', '0', '-1', '__proto__', '😀', 'demo-counter-999'),
);

/** Raw path segments no URL encoder would produce: bad percent-encoding, traversal, NUL. */
export const rawPathSegment: fc.Arbitrary<string> = fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%FF%FE', '..%2F..%2Fpackage.json', '%2e%2e', ';x=1');

/** A JSON body's text spoiled: cut short, garbage, nested past reason. */
export function brokenJson(example: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(example ?? {});
  return fc.oneof(
    fc.nat(Math.max(0, text.length - 1)).map((n) => text.slice(0, n)),
    fc.string({ maxLength: 40 }).map((s) => `{${s}`),
    fc.constantFrom('', 'null', 'undefined', "{'a': 1}", '{"a": 1,}', '[1, 2', `${'['.repeat(30_000)}${']'.repeat(30_000)}`, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
  );
}

/** A JSON body's bytes with invalid UTF-8 put in at some point. */
export function invalidUtf8(example: unknown): fc.Arbitrary<Buffer> {
  const bytes = Buffer.from(JSON.stringify(example ?? {}));
  const invalid = fc.constantFrom([0xff], [0xfe, 0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]);
  return fc.tuple(fc.nat(bytes.length), invalid).map(([at, bad]) => Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]));
}

/** A body past the server's limit (64 KiB), still JSON. */
export const oversizedBody = fc.integer({ min: 65 * 1024, max: 256 * 1024 }).map((size) => JSON.stringify({ padding: 'x'.repeat(size) }));
