import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router';
import { cachedMatchRoutes } from '../server/route-match-cache';

// Remix's page matching, kept per route tree and path, must answer exactly what matching afresh answers,
// and give every caller matches it can change without changing the next caller's.

const tree: AgnosticRouteObject[] = [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'client', children: [{ id: 'client-index', index: true }, { id: 'invoice', path: 'invoices/:id' }, { id: 'invoices', path: 'invoices' }] },
      { id: 'staff', path: 'staff', children: [{ id: 'staff-index', index: true }, { id: 'staff-client', path: 'clients/:id' }, { id: 'staff-new', path: 'clients/new' }] },
      { id: 'splat', path: '*' },
    ],
  },
];
const PATHS = ['/', '/invoices', '/invoices/42', '/invoices/a%20b', '/staff', '/staff/clients/new', '/staff/clients/7', '/nowhere/at/all', '/Staff/Clients/New/'];

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]) ?? null;

describe('route matching kept per tree and path', () => {
  it('answers what matchRoutes answers, the first time and from the cache', () => {
    const cached = cachedMatchRoutes(matchRoutes);
    for (const round of [1, 2]) {
      for (const path of PATHS) expect([round, path, ids(cached(tree, path))]).toEqual([round, path, ids(matchRoutes(tree, path))]);
    }
    expect(ids(cached(tree, '/staff/clients/new'))!.map(([id]) => id)).toEqual(['root', 'staff', 'staff-new']);
    expect(cached(tree, '/x', '/app')).toBeNull();
    expect(ids(cached(tree, '/app/invoices', '/app'))).toEqual(ids(matchRoutes(tree, '/app/invoices', '/app')));
  });

  it('gives each caller its own matches and params', () => {
    const cached = cachedMatchRoutes(matchRoutes);
    const first = cached(tree, '/invoices/42')!;
    (first[1]!.params as Record<string, string>).id = 'changed';
    first.pop();
    expect(ids(cached(tree, '/invoices/42'))).toEqual(ids(matchRoutes(tree, '/invoices/42')));
  });

  it('keeps another tree apart', () => {
    const cached = cachedMatchRoutes(matchRoutes);
    const other: AgnosticRouteObject[] = [{ id: 'only', path: 'invoices/:number' }];
    expect(ids(cached(tree, '/invoices/42'))!.map(([id]) => id)).toEqual(['root', 'client', 'invoice']);
    expect(ids(cached(other, '/invoices/42'))).toEqual([['only', { number: '42' }, '/invoices/42', '/invoices/42']]);
  });
});
