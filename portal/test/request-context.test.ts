import { toErrorResponse } from '~/lib/errors.server';
import { getRequestId, runWithRequestContext } from '~/lib/request-context.server';

describe('request context', () => {
  it('gives a 500 the id of the request it happened in, for the client to quote to support', async () => {
    const response = await runWithRequestContext({ requestId: 'req-4242-abcd' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(getRequestId()).toBe('req-4242-abcd');
      return toErrorResponse(new Error('database exploded'));
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side', requestId: 'req-4242-abcd' } });
  });

  it('still gives a 500 outside a request (a job) an id to find its log line', async () => {
    expect(getRequestId()).toBeUndefined();
    const body = (await toErrorResponse(new Error('boom')).json()) as { error: { requestId: string } };
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
