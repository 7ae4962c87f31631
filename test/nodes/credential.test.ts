import { MonolietApi } from '../../credentials/MonolietApi.credentials';
import { API_TOKEN, PORTAL_URL } from './helpers/fake-n8n';
import { startFakePortal } from './helpers/fake-portal';
import { testCredential } from './helpers/test-credential';

const portal = startFakePortal();
beforeAll(() => portal.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => (portal.requests.length = 0));
afterAll(() => portal.server.close());

describe('MonolietApi credential', () => {
  it('tests the token with GET /api/v1/auth/me, whatever trailing slashes the URL has', async () => {
    const response = await testCredential({ url: `${PORTAL_URL}//`, apiToken: API_TOKEN });
    expect(response.statusCode).toBe(200);
    expect(response.body.user?.email).toBe('builder@agency.test');
    expect(portal.requests).toMatchObject([{ method: 'GET', path: '/api/v1/auth/me', authorization: `Bearer ${API_TOKEN}` }]);
  });

  it('fails the test for a refused token', async () => {
    const response = await testCredential({ url: PORTAL_URL, apiToken: 'mlt_revoked' });
    expect(response.statusCode).toBe(401);
  });

  it('keeps the token in a password field', () => {
    const token = new MonolietApi().properties.find((p) => p.name === 'apiToken');
    expect(token?.typeOptions?.password).toBe(true);
  });
});
