import fc from 'fast-check';

// Request bodies that a careless or hostile client might send: valid bodies with broken fields, any JSON at
// all (arrays where objects belong, nested junk), text that is not JSON, the wrong content type, oversize.

export type FuzzBody = { text: string; contentType: string };

const NASTY_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '💥'.repeat(300), '<script>alert(1)</script>', "'; DROP TABLE users; --", '%', '_', '\\', '\u202e', 'ǅ̸̛͎'];

/** A value of any JSON type, biased towards what breaks parsers, databases and renderers. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 0.5, -0.000001, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
);

// valid JSON nested far deeper than any recursive walker's stack
const DEEP_ARRAYS = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(50_000)}"\\u0000"${'}'.repeat(50_000)}`;

type Edit = { kind: 'set'; key: string; value: unknown } | { kind: 'delete'; key: string };

/** The example with one to three fields replaced, added or removed. */
function brokenExample(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const strange = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id'), fc.string({ maxLength: 12 }));
  // mostly the route's own fields: that is where a bad value gets furthest
  const key = keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: strange }) : strange;
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), key, value: nastyValue }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const body: Record<string, unknown> = { ...example };
    for (const change of edits) {
      if (change.kind === 'delete') delete body[change.key];
      // defineProperty: "__proto__" becomes a real key of the JSON, as a hostile client would send it
      else Object.defineProperty(body, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
    }
    return body;
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const json = (value: unknown): FuzzBody => ({ text: JSON.stringify(value) ?? 'null', contentType: 'application/json' });

/** Bodies for a route, built around its valid example (or `{}` for a route without a body). */
export function fuzzBodies(example: unknown): fc.Arbitrary<FuzzBody> {
  const base = example && typeof example === 'object' && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
  const exampleText = JSON.stringify(base);
  const notJson = fc.oneof(
    fc.string({ maxLength: 60 }).filter((text) => text.trim() !== '' && !isJson(text)),
    fc.constantFrom('{', '{"a":', '[1, 2', 'null null', "{'single': 1}", 'NaN', '{"a": 1,}', '\u0000', '\ufeff{}'),
    fc.integer({ min: 1, max: Math.max(1, exampleText.length - 1) }).map((cut) => exampleText.slice(0, cut)),
  );
  return fc.oneof(
    { weight: 4, arbitrary: brokenExample(base).map(json) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.array(fc.constant(base), { maxLength: 3 }).map(json) },
    { weight: 1, arbitrary: notJson.map((text) => ({ text, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((contentType) => ({ text: exampleText, contentType })) },
    { weight: 1, arbitrary: fc.constant({ text: JSON.stringify({ ...base, padding: 'x'.repeat(1_100_000) }), contentType: 'application/json' }) },
    { weight: 1, arbitrary: fc.constantFrom(DEEP_ARRAYS, DEEP_OBJECTS).map((text) => ({ text, contentType: 'application/json' })) },
  );
}
