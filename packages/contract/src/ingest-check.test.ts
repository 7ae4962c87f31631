import { checkIngestBody, EXECUTION_STATUSES, ExecutionBatchSchema, IngestBodySchema, SingleExecutionSchema } from './executions';
import { ingestBodyCheck } from './ingest-check';

// The ingest body's fast path must answer exactly what its zod schemas answer: the same verdict, and for a
// valid body the same value. Thousands of bodies, each field drawn from valid values and from values just
// past a rule (lengths at and past their limit, NUL characters, impossible dates, fractions, wrong types).

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const ABSENT = Symbol('absent');
type Pool = { valid: unknown[]; invalid: unknown[] };
const long = (n: number) => 'x'.repeat(n);
// zod counts code points: an emoji is one, in two UTF-16 units; a lone surrogate is one too
const emoji = (n: number) => '🎉'.repeat(n);
const lone = (n: number) => '\uD83C'.repeat(n);
const DATES = { valid: ['2026-11-25T10:00:00Z', '2026-11-25T10:00:00.123+02:00', '2024-02-29T23:59:59.5-11:30', '2000-01-31T00:00:00+00:00'], invalid: ['2026-11-25', '2026-11-25T10:00:00', '2023-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-25T24:00:00Z', '2026-11-25T10:00:00+0200', ' 2026-11-25T10:00:00Z', '', 0, true] };
const COUNTS = { valid: [ABSENT, 0, 1, 2_147_483_647], invalid: [-1, 1.5, 2_147_483_648, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN, '5', null, true] };

const FIELDS: Record<string, Pool> = {
  executionId: { valid: ['1', 'abc_DEF-9', long(64)], invalid: [ABSENT, '', long(65), 'a b', 'é', '1\u0000', 12, null] },
  workflowId: { valid: ['w', long(64), 'flow 🎉 é', emoji(64), emoji(1), lone(64), `${emoji(63)}x`], invalid: [ABSENT, '', long(65), emoji(65), lone(65), 'a\u0000b', 5, null] },
  workflowName: { valid: [ABSENT, '', long(500), 'Name 🎉', emoji(500)], invalid: [long(501), emoji(501), 'a\u0000', null, 3] },
  status: { valid: [...EXECUTION_STATUSES], invalid: [ABSENT, 'SUCCESS', '', null, 1] },
  mode: { valid: [ABSENT, 'trigger', long(32), emoji(32), emoji(1)], invalid: ['', long(33), emoji(33), null, '\u0000'] },
  startedAt: { valid: DATES.valid, invalid: [ABSENT, null, ...DATES.invalid] },
  stoppedAt: { valid: [ABSENT, null, ...DATES.valid], invalid: DATES.invalid },
  durationMs: COUNTS,
  errorMessage: { valid: [ABSENT, '', long(10_000)], invalid: [long(10_001), null, 'x\u0000y', 1] },
  errorNode: { valid: [ABSENT, 'HTTP Request', long(500)], invalid: [long(501), null, {}] },
  retryOf: { valid: [ABSENT, null, '123', long(64), emoji(64)], invalid: [long(65), emoji(65), 5, '\u0000'] },
  itemCount: COUNTS,
};
const INSTANCE: Pool = { valid: ['https://n8n.example.com', long(500), 'ü', emoji(500), emoji(1)], invalid: [ABSENT, '', long(501), emoji(501), null, 'a\u0000', 7] };

function draw(random: () => number, pool: Pool, invalidShare: number): unknown {
  const values = random() < invalidShare ? pool.invalid : pool.valid;
  return values[Math.floor(random() * values.length)];
}

function report(random: () => number, invalidShare: number): Record<string, unknown> {
  const run: Record<string, unknown> = {};
  for (const [field, pool] of Object.entries(FIELDS)) {
    const value = draw(random, pool, invalidShare);
    if (value !== ABSENT) run[field] = value;
  }
  // fields the contract does not know are dropped
  if (random() < 0.2) run.extra = { nested: true };
  return run;
}

function body(random: () => number): unknown {
  const roll = random();
  // about half of the bodies hold no invalid field at all
  const invalidShare = random() < 0.5 ? 0 : 0.03;
  const instance = draw(random, INSTANCE, invalidShare * 3);
  const withInstance = (value: Record<string, unknown>) => (instance === ABSENT ? value : { ...value, instance });
  if (roll < 0.02) return [null, [], 'text', 5, true][Math.floor(random() * 5)];
  if (roll < 0.04) return withInstance({ runs: random() < 0.5 ? [] : { 0: report(random, 0) } });
  if (roll < 0.45) return withInstance(report(random, invalidShare));
  const runs = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.01 ? null : report(random, invalidShare / 3)));
  return withInstance({ runs, ...(random() < 0.1 ? { note: 'dropped' } : {}) });
}

const zodParse = (value: unknown) => (typeof value === 'object' && value !== null && 'runs' in value ? ExecutionBatchSchema : SingleExecutionSchema).safeParse(value);

describe("the ingest body's fast check", () => {
  it('counts text in code points, as zod does, whatever the rule', () => {
    const check = ingestBodyCheck({ statuses: ['success'], executionId: /^\w+$/, dateTime: /^d$/, maxBatch: 1, maxInt: 1, instance: { min: 2, max: 3 }, workflowId: { min: 1, max: 1 }, workflowName: { min: 0, max: 0 }, mode: { min: 1, max: 1 }, errorMessage: { min: 0, max: 0 }, errorNode: { min: 0, max: 0 }, retryOf: { min: 0, max: 0 } });
    const single = (instance: string) => check({ instance, executionId: '1', workflowId: '🎉', status: 'success', startedAt: 'd' });
    // two code points in three or four units; one in two; four in four
    expect(single('🎉a')).toBeDefined();
    expect(single('🎉🎉')).toBeDefined();
    expect(single('🎉🎉a')).toBeDefined();
    expect(single('🎉')).toBeUndefined();
    expect(single('abcd')).toBeUndefined();
    expect(single('🎉🎉🎉🎉')).toBeUndefined();
  });

  it('accepts exactly the bodies the zod schemas accept, with the same value', () => {
    const random = seeded(20261126);
    let accepted = 0;
    for (let i = 0; i < 6000; i++) {
      const value = body(random);
      const checked = checkIngestBody(value);
      const parsed = zodParse(value);
      if (parsed.success !== (checked !== undefined)) throw new Error(`the check ${checked ? 'accepts' : 'refuses'} a body zod ${parsed.success ? 'accepts' : 'refuses'}: ${JSON.stringify(value)?.slice(0, 400)}`);
      if (parsed.success) {
        expect(checked).toStrictEqual(parsed.data);
        // the same fields in the same order, as it would be serialized
        expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data));
        accepted++;
      }
    }
    // both verdicts are well represented
    expect(accepted).toBeGreaterThan(1500);
    expect(accepted).toBeLessThan(4500);
  });

  it('accepts batches up to the largest size, not past it', () => {
    const random = seeded(7);
    const runs = Array.from({ length: 501 }, () => report(random, 0));
    const at = { instance: 'https://n8n.example.com', runs: runs.slice(0, 500) };
    expect(checkIngestBody(at)).toStrictEqual(ExecutionBatchSchema.parse(at));
    const past = { instance: 'https://n8n.example.com', runs };
    expect(checkIngestBody(past)).toBeUndefined();
    expect(ExecutionBatchSchema.safeParse(past).success).toBe(false);
  });

  it('leaves the refusals and their issues to zod', () => {
    const value = { instance: 'https://n8n.example.com', runs: [{ executionId: '1', workflowId: 'w', status: 'success', startedAt: '2026-11-25' }] };
    const result = IngestBodySchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['runs.0.startedAt']);
  });
});
