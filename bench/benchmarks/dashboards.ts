import type { BenchContext } from '../lib/context';
import { addHistory } from '../lib/history';
import { median, runLoad, type LoadRequest } from '../lib/load';
import { startProcess } from '../lib/portal';
import { printTopStatements } from '../lib/postgres';
import { atMostTimes, type BenchmarkOutcome, type Entry } from '../lib/results';
import { createWorld, signIn, useDatabase } from '../lib/world';

const CONNECTIONS = 4;
const ROUTES = ['client dashboard', 'staff dashboard', 'stats 90 days', 'healthz'] as const;
type Route = (typeof ROUTES)[number];

/** The loaders alone (Remix single fetch `.data` requests, as a client-side navigation makes them) and the API. */
function requestsFor({ clientCookie, staffCookie, token }: { clientCookie: string; staffCookie: string; token: string }): Record<Route, LoadRequest> {
  return {
    'client dashboard': { path: '/_root.data?_routes=routes%2F_client._index', headers: { cookie: clientCookie } },
    'staff dashboard': { path: '/staff.data?_routes=routes%2Fstaff._index', headers: { cookie: staffCookie } },
    'stats 90 days': { path: '/api/v1/executions/stats?days=90', headers: { authorization: `Bearer ${token}` } },
    healthz: { path: '/healthz' },
  };
}

/**
 * Each route's p95 over `amount` requests, in `rounds` rounds (the routes take turns within a round): the
 * median of the rounds' p95s. A p95 of 400 requests rests on its slowest 20, which one busy moment of a
 * shared machine moves by half.
 */
async function measureRoutes({ url, databaseUrl, requests, amount, warmUp, rounds, errors, label }: { url: string; databaseUrl: string; requests: Record<Route, LoadRequest>; amount: number; warmUp: number; rounds: number; errors: string[]; label: string }) {
  const p95s = Object.fromEntries(ROUTES.map((route) => [route, [] as number[]])) as Record<Route, number[]>;
  for (const route of ROUTES) await runLoad({ url, connections: CONNECTIONS, amount: warmUp, next: () => requests[route] });
  for (let round = 0; round < rounds; round++) {
    for (const route of ROUTES) {
      await printTopStatements(databaseUrl, 'before');
      const result = await runLoad({ url, connections: CONNECTIONS, amount, next: () => requests[route] });
      p95s[route].push(result.p95);
      errors.push(...result.failures.map((f) => `dashboards ${route} at ${label}: ${f}`));
      await printTopStatements(databaseUrl, `${route} at ${label}`);
    }
  }
  return Object.fromEntries(ROUTES.map((route) => [route, { p95: median(p95s[route]), rounds: p95s[route] }])) as Record<Route, { p95: number; rounds: number[] }>;
}

const roundsNote = (baseline: number[], value: number[]) => `p95 per round (ms): baseline ${baseline.map((v) => v.toFixed(1)).join(', ')}; value ${value.map((v) => v.toFixed(1)).join(', ')}`;

export async function benchDashboards(context: BenchContext): Promise<BenchmarkOutcome> {
  const { sizes } = context;
  const databaseUrl = await context.pg.createDatabase('bench_dashboards');
  await useDatabase(databaseUrl);
  const world = await createWorld({ clients: 20, workflowsPerClient: 10 });
  const small = sizes.dashboardSmallRuns;
  const large = sizes.dashboardLargeRuns;
  context.log(`dashboards: seeding ${small} runs over a year (200 workflows, 20 clients)`);
  await addHistory({ world, count: small, firstIndex: 1 });
  const portal = await startProcess({ name: 'bench_dashboards', databaseUrl });
  const errors: string[] = [];
  try {
    const requests = requestsFor({
      clientCookie: await signIn({ url: portal.url, email: world.client.email }),
      staffCookie: await signIn({ url: portal.url, email: world.staff.email }),
      token: world.staff.token,
    });
    context.log(`dashboards: ${sizes.dashboardRequests} requests per route at ${small} runs`);
    const before = await measureRoutes({ url: portal.url, databaseUrl, requests, amount: sizes.dashboardRequests, warmUp: sizes.warmUp, rounds: sizes.rounds, errors, label: `${small} runs` });
    const seeding = performance.now();
    await addHistory({ world, count: large - small, firstIndex: small + 1 });
    context.log(`dashboards: grew to ${large} runs in ${((performance.now() - seeding) / 1000).toFixed(1)} s (SQL insert + rollups + analyze)`);
    const after = await measureRoutes({ url: portal.url, databaseUrl, requests, amount: sizes.dashboardRequests, warmUp: sizes.warmUp, rounds: sizes.rounds, errors, label: `${large} runs` });
    const entries: Entry[] = (['client dashboard', 'staff dashboard', 'stats 90 days'] as const).map((route) =>
      atMostTimes({ benchmark: 'dashboard growth', name: `${route} p95 at ${large} runs vs ${small}`, unit: 'ms', baseline: before[route].p95, value: after[route].p95, max: 1.5, note: roundsNote(before[route].rounds, after[route].rounds) }),
    );
    entries.push(
      atMostTimes({ benchmark: 'dashboard growth', name: `client dashboard p95 vs /healthz p95 at ${large} runs`, unit: 'ms', baseline: after.healthz.p95, value: after['client dashboard'].p95, max: 5, note: roundsNote(after.healthz.rounds, after['client dashboard'].rounds) }),
    );
    return { entries, errors };
  } finally {
    await portal.stop();
  }
}
