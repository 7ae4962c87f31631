import { API_ROUTES, type ApiRouteDef } from '@monoliet/contract';
import { buildMatrixCallers, buildMatrixWorld, missingRegistryEntries, urlOf, type CallerName, type MatrixCaller } from './helpers/matrix-world';
import { startPortal, type PortalProcess } from './helpers/portal-process';
import { BODY_EXAMPLES, RESOURCE_FIXTURES, type MatrixWorld } from './helpers/resource-fixtures';

// Every route of the route table, called as every kind of caller. The expected status follows from the
// route's definition (access, scope, and whose record its {id} names); OVERRIDES lists the few routes
// whose rules differ, each with its reason. No answer to client A's callers may contain client B's data.

type Override = { status?: Partial<Record<CallerName, number>>; runLast?: boolean; reason: string };

const OVERRIDES: Record<string, Override> = {
  getMyClient: { status: { staff: 404 }, reason: 'staff users belong to no client, so they have no own client to show' },
  logout: {
    status: { clientASession: 400 },
    runLast: true,
    reason: 'it revokes the token it is called with, so it runs after every other call; a browser session has no token to revoke (it signs out at /logout)',
  },
  createTicket: { status: { clientBUser: 400 }, reason: "the example body names client A; a client user may only open tickets for its own client, so B's user is told the clientId is wrong" },
  createCredential: { status: { clientBUser: 400 }, reason: "the example body names client A; a client user may only hand over credentials for its own client, so B's user is told the clientId is wrong" },
  activateWorkflow: {
    status: { staff: 409 },
    reason: 'the fixture workflows belong to an n8n instance without an API key, which the portal refuses before calling n8n; workflow-activation tests cover n8n',
  },
  deactivateWorkflow: {
    status: { staff: 409 },
    reason: 'the fixture workflows belong to an n8n instance without an API key, which the portal refuses before calling n8n; workflow-activation tests cover n8n',
  },
  reopenTicket: {
    status: { clientASession: 409, clientBUser: 409, staff: 409 },
    reason: 'the ticket fixtures are open, and only a resolved ticket can be reopened (tickets-api.test.ts reopens a resolved one)',
  },
};

type Target = 'own' | 'other';
type Call = { index: number; route: ApiRouteDef; caller: MatrixCaller; target: Target | null; expected: number };
type Outcome = Call & { status: number; body: string };

/** The status a caller should get, from the route definition alone. */
function expectedStatus({ route, caller, target }: Pick<Call, 'route' | 'caller' | 'target'>): number {
  if (caller.refusedToken) return 401;
  if (route.access === 'public') return route.status;
  if (!caller.role) return 401;
  if (route.access === 'staff' && caller.role !== 'staff') return 403;
  if (route.scope && !caller.scopes.has(route.scope)) return 403;
  if (target === 'other') return 404;
  return OVERRIDES[route.id]?.status?.[caller.name] ?? route.status;
}

function plannedCalls(callers: MatrixCaller[]): Call[] {
  return API_ROUTES.flatMap((route) =>
    callers.flatMap((caller) => {
      // client callers try their own client's record and the other client's; everyone else client A's
      const targets: (Target | null)[] = !route.params ? [null] : caller.role === 'client' ? ['own', 'other'] : ['own'];
      return targets.map((target) => ({ route, caller, target, expected: expectedStatus({ route, caller, target }) }));
    }),
  ).map((call, index) => ({ ...call, index }));
}

let portal: PortalProcess;
let world: MatrixWorld;
const outcomes: Outcome[] = [];
/** Strings that identify client B's records; none may reach client A's callers. */
const secretsOfB = new Set<string>();

async function idFor({ call, shared }: { call: Call; shared: Map<string, { ofA: string; ofB: string }> }): Promise<string | undefined> {
  if (!call.route.resource) return undefined;
  // reads share one pair of records; every write gets fresh ones, so calls cannot disturb each other
  const ids = call.route.method === 'GET' ? shared.get(call.route.resource)! : await RESOURCE_FIXTURES[call.route.resource]!(world);
  secretsOfB.add(ids.ofB);
  const ofB = call.caller.client === 'B';
  return (call.target === 'other') !== ofB ? ids.ofB : ids.ofA;
}

async function perform({ call, shared }: { call: Call; shared: Map<string, { ofA: string; ofB: string }> }): Promise<Outcome> {
  const id = await idFor({ call, shared });
  const example = BODY_EXAMPLES[call.route.id];
  const body = call.route.body && example ? JSON.stringify(example(world, null)) : undefined;
  const response = await fetch(`${portal.url}${urlOf({ route: call.route, id })}`, {
    method: call.route.method,
    headers: { ...call.caller.headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body,
  });
  return { ...call, status: response.status, body: await response.text() };
}

async function runAll({ calls, concurrency, shared }: { calls: Call[]; concurrency: number; shared: Map<string, { ofA: string; ofB: string }> }) {
  const queue = [...calls];
  const worker = async () => {
    for (let call = queue.shift(); call; call = queue.shift()) outcomes.push(await perform({ call, shared }));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

beforeAll(async () => {
  portal = await startPortal();
  world = await buildMatrixWorld();
  const callers = await buildMatrixCallers({ world, baseUrl: portal.url });
  for (const value of [world.clientB.id, world.clientB.slug, world.clientB.companyName, world.clientB.email, world.userB.id, world.userB.email, world.userB.name]) secretsOfB.add(value);
  if (missingRegistryEntries(API_ROUTES).length > 0) return;
  const shared = new Map<string, { ofA: string; ofB: string }>();
  for (const resource of new Set(API_ROUTES.flatMap((r) => (r.resource ? [r.resource] : [])))) shared.set(resource, await RESOURCE_FIXTURES[resource]!(world));
  const calls = plannedCalls(callers);
  await runAll({ calls: calls.filter((c) => !OVERRIDES[c.route.id]?.runLast), concurrency: 6, shared });
  await runAll({ calls: calls.filter((c) => OVERRIDES[c.route.id]?.runLast), concurrency: 6, shared });
  // answers arrive in any order; report them in the planned one
  outcomes.sort((a, b) => a.index - b.index);
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

describe('authorization matrix', () => {
  it('has what it needs for every route: fixtures for {id} resources, bodies for writes', () => {
    const missing = missingRegistryEntries(API_ROUTES);
    if (missing.length > 0) throw new Error(`The authorization matrix cannot test every route yet:\n  ${missing.join('\n  ')}`);
  });

  it('overrides only routes that exist, each with a reason', () => {
    for (const [id, override] of Object.entries(OVERRIDES)) {
      expect([id, API_ROUTES.some((r) => r.id === id)]).toEqual([id, true]);
      expect(override.reason.length).toBeGreaterThan(20);
    }
  });

  it.each(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers each caller as its definition says', (_name, route) => {
    const mine = outcomes.filter((o) => o.route.id === route.id);
    expect(mine.length).toBeGreaterThan(0);
    const got = mine.map((o) => `${o.caller.name}${o.target ? `→${o.target}` : ''}: ${o.status}`);
    const expected = mine.map((o) => `${o.caller.name}${o.target ? `→${o.target}` : ''}: ${o.expected}`);
    expect(got).toEqual(expected);
  });

  it.each(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))("%s shows client A's callers nothing of client B", (_name, route) => {
    const seenByA = outcomes.filter((o) => o.route.id === route.id && o.caller.client !== 'B' && o.caller.role !== 'staff');
    expect(seenByA.length).toBeGreaterThan(0);
    for (const outcome of seenByA) {
      const leaked = [...secretsOfB].filter((secret) => outcome.body.includes(secret));
      expect([outcome.caller.name, outcome.target, leaked]).toEqual([outcome.caller.name, outcome.target, []]);
    }
  });
});
