import { getResponse, type HttpHandler } from 'msw';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/**
 * Serves msw handlers over real HTTP on 127.0.0.1, for fakes that another process (a real portal) calls.
 * `handlersFor` receives the server's base URL, since msw handlers match absolute URLs.
 */
export async function serveHandlers(handlersFor: (baseUrl: string) => HttpHandler[]): Promise<{ url: string; close: () => Promise<void> }> {
  let handlers: HttpHandler[] = [];
  const server = createServer(async (req, res) => {
    const request = toFetchRequest(req, url);
    const response = (await getResponse(handlers, request)) ?? new Response('No fake handler for this request', { status: 501 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handlers = handlersFor(url);
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function toFetchRequest(req: IncomingMessage, baseUrl: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // Node's fetch needs `duplex: 'half'` for a streamed body
  return new Request(new URL(req.url ?? '/', baseUrl), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit);
}
