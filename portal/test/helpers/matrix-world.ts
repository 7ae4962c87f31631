import type { ApiRouteDef, TokenScope } from '@monoliet/contract';
import { ApiToken } from '~/models/index.server';
import { buildClient, buildUser, TEST_PASSWORD } from '../factories';
import { tokenFor } from './api';
import type { MatrixWorld } from './resource-fixtures';
import { BODY_EXAMPLES, QUERY_EXAMPLES, RESOURCE_FIXTURES } from './resource-fixtures';

// The world of the generated API tests: two clients with one user each, a staff user, and the callers the
// authorization matrix tries every route as.

export type CallerName = 'anonymous' | 'clientASession' | 'clientBUser' | 'clientAReadToken' | 'staff' | 'revokedToken' | 'expiredToken';

export type MatrixCaller = {
  name: CallerName;
  headers: Record<string, string>;
  /** null: no valid credentials (anonymous, or a token the portal must refuse) */
  role: 'client' | 'staff' | null;
  client: 'A' | 'B' | null;
  scopes: ReadonlySet<TokenScope>;
  /** a token was presented but is revoked or expired: always 401, even on public routes */
  refusedToken: boolean;
};

export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const clientA = await buildClient({ slug: 'alpha-matrix', companyName: 'Alpha Matrix Ltd', email: 'office@alpha-matrix.example' });
  const clientB = await buildClient({ slug: 'bravo-secret', companyName: 'Bravo Secret Industries', email: 'office@bravo-secret.example' });
  const userA = await buildUser({ client: clientA, email: 'ann@alpha-matrix.example', name: 'Ann Alpha' });
  const userB = await buildUser({ client: clientB, email: 'bea@bravo-secret.example', name: 'Bea Bravo' });
  const staff = await buildUser({ role: 'staff', email: 'sam@agency.example', name: 'Sam Staff' });
  return { clientA, clientB, userA, userB, staff };
}

/** A browser session of the user, through the real sign-in form. */
async function sessionCookie({ baseUrl, email }: { baseUrl: string; email: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: 'POST', body: new URLSearchParams({ email, password: TEST_PASSWORD }), redirect: 'manual', headers: { Origin: baseUrl } });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('monoliet_session='));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return cookie.split(';')[0]!;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function buildMatrixCallers({ world, baseUrl }: { world: MatrixWorld; baseUrl: string }): Promise<MatrixCaller[]> {
  const revoked = await tokenFor(world.userA, ['read', 'write']);
  await ApiToken.update({ revokedAt: new Date() }, { where: { userId: world.userA.id } });
  const expired = await tokenFor(world.userA, ['read', 'write']);
  await ApiToken.update({ expiresAt: new Date(Date.now() - 60_000) }, { where: { userId: world.userA.id, revokedAt: null } });
  const all = new Set<TokenScope>(['ingest', 'read', 'write']);
  const client = new Set<TokenScope>(['read', 'write']);
  const none = new Set<TokenScope>();
  return [
    { name: 'anonymous', headers: {}, role: null, client: null, scopes: none, refusedToken: false },
    // a browser session sends its Origin, as a browser would
    { name: 'clientASession', headers: { Cookie: await sessionCookie({ baseUrl, email: world.userA.email }), Origin: baseUrl }, role: 'client', client: 'A', scopes: client, refusedToken: false },
    { name: 'clientBUser', headers: bearer(await tokenFor(world.userB, ['read', 'write'])), role: 'client', client: 'B', scopes: client, refusedToken: false },
    { name: 'clientAReadToken', headers: bearer(await tokenFor(world.userA, ['read'])), role: 'client', client: 'A', scopes: new Set(['read']), refusedToken: false },
    { name: 'staff', headers: bearer(await tokenFor(world.staff, ['ingest', 'read', 'write'])), role: 'staff', client: null, scopes: all, refusedToken: false },
    { name: 'revokedToken', headers: bearer(revoked), role: null, client: null, scopes: none, refusedToken: true },
    { name: 'expiredToken', headers: bearer(expired), role: null, client: null, scopes: none, refusedToken: true },
  ];
}

/** What the generated tests need from the registries for each route, as instructions for its author. */
export function missingRegistryEntries(routes: readonly ApiRouteDef[]): string[] {
  const missing: string[] = [];
  for (const route of routes) {
    if (route.params && !route.resource) missing.push(`${route.id}: give its defineRoute a \`resource\` (the kind of record {id} names)`);
    if (route.resource && !RESOURCE_FIXTURES[route.resource]) {
      missing.push(`${route.id}: add RESOURCE_FIXTURES['${route.resource}'] to portal/test/helpers/resource-fixtures.ts (one record of client A, one of client B)`);
    }
    if (route.body && !BODY_EXAMPLES[route.id]) missing.push(`${route.id}: add BODY_EXAMPLES['${route.id}'] (a valid request body) to portal/test/helpers/resource-fixtures.ts`);
    if (route.query && !route.query.safeParse(QUERY_EXAMPLES[route.id] ?? {}).success) {
      missing.push(`${route.id}: its query has required parameters; add QUERY_EXAMPLES['${route.id}'] to portal/test/helpers/resource-fixtures.ts`);
    }
  }
  return [...new Set(missing)];
}

/** The path of a route with its `{id}` filled in, plus its query example. */
export function urlOf({ route, id }: { route: ApiRouteDef; id?: string }): string {
  const path = route.path.replace('{id}', id ?? '');
  const query = QUERY_EXAMPLES[route.id];
  return `/api/v1${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
}
