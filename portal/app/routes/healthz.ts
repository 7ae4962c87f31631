import { checkDatabase } from '~/services/health.server';

// Liveness and database check for load balancers: 200 when the database answers, 503 when it does not.
export async function loader() {
  const ok = await checkDatabase();
  return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
