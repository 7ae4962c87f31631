import { checkReadiness } from '~/services/health.server';

// Readiness for load balancers and orchestrators: 200 when the database answers and its migrations are
// at the head, 503 otherwise (and while the replica drains for shutdown, answered by the server).
export async function loader() {
  const readiness = await checkReadiness();
  const body = readiness.ready ? { status: 'ready' } : { status: 'unavailable', reason: readiness.reason, pendingMigrations: readiness.pendingMigrations };
  return Response.json(body, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
