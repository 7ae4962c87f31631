import { HttpResponse, http } from 'msw';
import { NodeApiError } from 'n8n-workflow';
import { monolietApiRequest, monolietApiRequestAllItems } from '../../nodes/Monoliet/transport';
import { API_TOKEN, PORTAL_URL, fakeExecuteFunctions } from './helpers/fake-n8n';
import { errorEnvelope, startFakePortal } from './helpers/fake-portal';

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  portal.server.resetHandlers();
  portal.requests.length = 0;
});
afterAll(() => portal.server.close());

const context = () => fakeExecuteFunctions({ parameters: {} }).context;

/** A list route over `total` numbered items, paged with an opaque cursor like the portal's. */
function serveList(total: number) {
  const all = Array.from({ length: total }, (_, i) => ({ id: `t${i + 1}` }));
  portal.server.use(
    portal.route('get', '/api/v1/tickets', ({ url }) => {
      const limit = Number(url.searchParams.get('limit'));
      const cursor = url.searchParams.get('cursor');
      const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
      const data = all.slice(start, start + limit);
      const next = start + limit < total ? Buffer.from(String(start + limit)).toString('base64url') : null;
      return HttpResponse.json({ data, nextCursor: next });
    }),
  );
}

describe('monolietApiRequestAllItems', () => {
  it('returns every item, page after page, sending the filters with every page', async () => {
    serveList(600);
    const items = await monolietApiRequestAllItems.call(context(), { path: '/api/v1/tickets', qs: { status: 'open' } });
    expect(items).toHaveLength(600);
    expect(items.at(-1)).toEqual({ id: 't600' });
    expect(portal.requests.map((r) => r.query)).toEqual([
      { status: 'open', limit: '250' },
      { status: 'open', limit: '250', cursor: expect.any(String) },
      { status: 'open', limit: '250', cursor: expect.any(String) },
    ]);
    expect(portal.requests.every((r) => r.authorization === `Bearer ${API_TOKEN}`)).toBe(true);
  });

  it('stops at the limit, asking only for what is still missing', async () => {
    serveList(600);
    const items = (await monolietApiRequestAllItems.call(context(), { path: '/api/v1/tickets', limit: 300 })) as { id: string }[];
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 300 }, (_, i) => `t${i + 1}`));
    expect(portal.requests.map((r) => r.query.limit)).toEqual(['250', '50']);
  });

  it('stops on the last page even when the limit is not reached', async () => {
    serveList(7);
    expect(await monolietApiRequestAllItems.call(context(), { path: '/api/v1/tickets', limit: 50 })).toHaveLength(7);
    expect(portal.requests).toHaveLength(1);
  });
});

describe('monolietApiRequest errors', () => {
  it("turns the portal's error envelope into a NodeApiError with its message", async () => {
    portal.server.use(portal.route('get', '/api/v1/tickets/:id', () => errorEnvelope('not_found', 'Ticket not found')));
    const request = monolietApiRequest.call(context(), { method: 'GET', path: '/api/v1/tickets/abc', itemIndex: 2 });
    await expect(request).rejects.toThrow(NodeApiError);
    await expect(monolietApiRequest.call(context(), { method: 'GET', path: '/api/v1/tickets/abc', itemIndex: 2 })).rejects.toMatchObject({
      message: 'Ticket not found',
      httpCode: '404',
      description: 'Error code: not_found\nRequest id: req_test_1',
      context: { itemIndex: 2 },
    });
  });

  it('names the status when a proxy answers with something that is not the envelope', async () => {
    portal.server.use(http.get(`${PORTAL_URL}/api/v1/tickets`, () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 })));
    await expect(monolietApiRequest.call(context(), { method: 'GET', path: '/api/v1/tickets' })).rejects.toMatchObject({
      message: 'The Monoliet portal answered with status 502',
      httpCode: '502',
    });
  });
});
