import { API_ROUTES } from '@monoliet/contract';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Endpoint } from '~/lib/api.server';

// The route files and the contract's route table must agree: every table entry is served by the file
// whose path it names, and no file serves a route the table (and so OpenAPI) does not list.

const ROUTES_DIR = path.resolve(__dirname, '../app/routes');
const NOT_RESOURCES = new Set(['api.v1.$.ts', 'api.v1.openapi[.]json.ts']);

function pathOf(file: string): string {
  const segments = file.replace(/^api\.v1\./, '').replace(/\.tsx?$/, '').split('.');
  // `[test]` escapes a segment that Remix (and jest) would otherwise read as a test file
  return `/${segments.map((s) => (s.startsWith('$') ? `{${s.slice(1)}}` : s.replace(/^\[(.*)\]$/, '$1'))).join('/')}`;
}

describe('route files and the route table', () => {
  const files = readdirSync(ROUTES_DIR).filter((f) => f.startsWith('api.v1.') && !NOT_RESOURCES.has(f));
  const served = files.flatMap((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const endpoints: Endpoint[] = require(path.join(ROUTES_DIR, file)).loader.endpoints;
    return endpoints.map(({ route }) => ({ file, filePath: pathOf(file), route }));
  });

  it('serves each route from the file matching its path', () => {
    for (const { filePath, route } of served) expect(`${route.method} ${filePath}`).toBe(`${route.method} ${route.path}`);
  });

  it('serves every route of the table exactly once', () => {
    expect(served.map(({ route }) => route.id).sort()).toEqual(API_ROUTES.map((r) => r.id).sort());
  });
});
