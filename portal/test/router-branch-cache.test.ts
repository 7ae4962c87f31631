import { readFileSync } from 'node:fs';
import * as router from '@remix-run/router';
import { compileModule, patchRouterSource } from '../server/router-branch-cache';

// The portal loads @remix-run/router with memos of its route ranking (server/router-branch-cache.ts).
// The installed version must have the code the memos replace, and match exactly as the original does.

const file = require.resolve('@remix-run/router');
const patched = patchRouterSource(readFileSync(file, 'utf8'));

const routes: router.AgnosticRouteObject[] = [
  {
    id: 'root',
    path: '/',
    children: [
      { id: 'client', children: [{ id: 'client-index', index: true }, { id: 'client-workflow', path: 'workflows/:id' }] },
      { id: 'staff', path: 'staff', children: [{ id: 'staff-index', index: true }, { id: 'staff-client', path: 'clients/:id' }, { id: 'staff-splat', path: '*' }] },
      { id: 'login', path: 'Login', caseSensitive: true },
      { id: 'api', path: 'api/v1/*' },
    ],
  },
];
const paths = ['/', '/workflows/abc', '/workflows/a%20b', '/staff', '/staff/clients/42', '/staff/clients/42/extra', '/Login', '/login', '/api/v1/executions', '/nowhere/at/all'];
const ids = (matches: router.AgnosticRouteMatch[] | null) => matches?.map((m) => [m.route.id, m.params, m.pathname]) ?? null;

it('applies to the installed @remix-run/router', () => {
  expect(patched).not.toBeNull();
});

it('matches every path as the original router does, also when asked again', () => {
  const memoized = compileModule({ file, source: patched! }).exports as typeof router;
  for (const pathname of paths) {
    const expected = ids(router.matchRoutes(routes, pathname));
    expect([pathname, ids(memoized.matchRoutes(routes, pathname))]).toEqual([pathname, expected]);
    expect([pathname, ids(memoized.matchRoutes(routes, pathname))]).toEqual([pathname, expected]);
  }
  // another tree is ranked on its own
  const other: router.AgnosticRouteObject[] = [{ id: 'only', path: '/staff' }];
  expect(ids(memoized.matchRoutes(other, '/staff'))).toEqual([['only', {}, '/staff']]);
  expect(ids(memoized.matchRoutes(routes, '/staff'))).toEqual(ids(router.matchRoutes(routes, '/staff')));
});
