import type { ServerBuild } from '@remix-run/node';
import { compileResourceRoutes, matchResourceRoute } from '../server/resource-routes';

// The express fast path must pick the route Remix would pick for every API path.

const loader = async () => new Response('ok');
const route = (id: string, path: string | undefined, parentId = 'root', extra: object = {}) => ({ id, path, parentId, module: { loader, action: loader, ...extra } });

const build = {
  routes: {
    root: { id: 'root', path: '', module: { default: () => null } },
    'routes/api.v1.$': route('routes/api.v1.$', 'api/v1/*'),
    'routes/api.v1.workflows': route('routes/api.v1.workflows', 'api/v1/workflows'),
    'routes/api.v1.workflows.$id': route('routes/api.v1.workflows.$id', 'api/v1/workflows/:id'),
    'routes/api.v1.workflows.$id.activate': route('routes/api.v1.workflows.$id.activate', 'activate', 'routes/api.v1.workflows.$id'),
    'routes/api.v1.clients.me': route('routes/api.v1.clients.me', 'api/v1/clients/me'),
    'routes/api.v1.clients.$id': route('routes/api.v1.clients.$id', 'api/v1/clients/:id'),
    'routes/healthz': route('routes/healthz', 'healthz'),
    'routes/staff': { id: 'routes/staff', path: 'staff', parentId: 'root', module: { default: () => null, loader } },
    'routes/staff.invoices.$id.pdf': route('routes/staff.invoices.$id.pdf', 'staff/invoices/:id/pdf'),
  },
} as unknown as ServerBuild;

const routes = compileResourceRoutes({ build, prefixes: ['api/v1', 'healthz'] });
const match = (path: string) => {
  const found = matchResourceRoute(routes, path);
  return found ? [found.route.id, found.params] : null;
};

describe('resource routes served without Remix', () => {
  it('matches static paths before parameters, and the splat only when nothing else does', () => {
    expect(match('/api/v1/clients/me')).toEqual(['routes/api.v1.clients.me', {}]);
    expect(match('/api/v1/clients/8a0e')).toEqual(['routes/api.v1.clients.$id', { id: '8a0e' }]);
    expect(match('/api/v1/workflows')).toEqual(['routes/api.v1.workflows', {}]);
    expect(match('/api/v1/unknown/thing')).toEqual(['routes/api.v1.$', { '*': 'unknown/thing' }]);
    expect(match('/api/v1')).toEqual(['routes/api.v1.$', { '*': '' }]);
  });

  it('joins a nested route onto its parent, decodes parameters, ignores case and a trailing slash', () => {
    expect(match('/api/v1/workflows/w%201/activate')).toEqual(['routes/api.v1.workflows.$id.activate', { id: 'w 1' }]);
    expect(match('/API/V1/Workflows/abc/')).toEqual(['routes/api.v1.workflows.$id', { id: 'abc' }]);
    expect(match('/api/v1/workflows/%E0%A4%A')).toEqual(['routes/api.v1.workflows.$id', { id: '%E0%A4%A' }]);
  });

  it('leaves pages, routes outside the prefixes and non-matching paths to Remix', () => {
    expect(match('/staff')).toBeNull();
    expect(match('/staff/invoices/1/pdf')).toBeNull();
    expect(match('/healthz')).toEqual(['routes/healthz', {}]);
    expect(match('/healthzz')).toBeNull();
    expect(match('/apix/v1/workflows')).toBeNull();
  });
});
