import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from './components/nonce';
import { describeUrl } from './lib/log-safe-url';
import { logger } from './lib/logger.server';

// The express server loads the app through this module, so the services it starts (database pool,
// job queue) are the same module instances that the routes use.
export { startServices, stopServices } from './lib/services-lifecycle.server';

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined;
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady';
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, 'render error');
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Errors thrown by loaders and actions: one JSON log line with the request id, not Remix's console output. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  // a client that went away is not our error, and neither is a URL that matches no route (a 404)
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  const url = new URL(request.url);
  logger.error({ err: error, method: request.method, url: describeUrl(url.pathname + url.search) }, 'unhandled error in a loader or action');
};
