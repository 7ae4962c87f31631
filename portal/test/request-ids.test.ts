import pg from 'pg';
import { startPortal } from './helpers/portal-process';

// What happens inside a route is logged under the id of the request that caused it, also for a form
// post (whose body is read before the route runs) and when things go wrong.
it('logs a failure inside an action under the request id that the client got back', async () => {
  const admin = new pg.Client(process.env.MONOLIET_TEST_PG_URL);
  await admin.connect();
  const name = `outage_${process.env.JEST_WORKER_ID}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.MONOLIET_TEST_TEMPLATE_DB}`);
  const url = new URL(process.env.MONOLIET_TEST_PG_URL!);
  url.pathname = `/${name}`;
  const portal = await startPortal({ env: { DATABASE_URL: url.toString() } });
  try {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    const response = await fetch(`${portal.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'someone@example.com', password: 'a-password-123' }),
      headers: { Origin: portal.url, 'X-Request-Id': 'outage-probe-0001' },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('outage-probe-0001');
    const lines = portal
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; requestId?: string; level: number });
    const failure = lines.find((line) => line.msg === 'unhandled error in a loader or action');
    expect(failure).toMatchObject({ level: 50, requestId: 'outage-probe-0001' });
    expect(portal.output()).not.toContain('a-password-123');
  } finally {
    await portal.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
