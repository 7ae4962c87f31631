import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler, writeReadableStreamToWritable } from '@remix-run/node';
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import { installRouteMatchCache } from './route-match-cache';

// Serves Remix from express like @remix-run/express does, except that the request body comes from
// req.body (read and size-checked by readBodyWithLimit) rather than from the raw stream.

/** A built app, or (development) a function that loads the current build for each request. */
export type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

export function handleWithRemix({ build, mode }: { build: BuildSource; mode: 'development' | 'production' }): RequestHandler {
  // Given a function, Remix derives its route tree again on every request (right for vite's reloads, a
  // few milliseconds of CPU per request otherwise); given the build, once.
  installRouteMatchCache();
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const response = await handle(toFetchRequest(req, res), loadContextOf(req, res));
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** What loaders and actions get as `context`. */
export function loadContextOf(req: ExpressRequest, res: ExpressResponse): AppLoadContext {
  return { ip: req.ip, requestId: String(req.id), cspNonce: res.locals.cspNonce as string };
}

/** The absolute URL the client asked for. */
export function requestUrl(req: ExpressRequest): string {
  // req.hostname honours `trust proxy` (X-Forwarded-Host); the port comes from the same header or Host
  const forwardedPort = Number.parseInt(req.get('X-Forwarded-Host')?.split(':')[1] ?? '', 10);
  const hostPort = Number.parseInt(req.get('Host')?.split(':')[1] ?? '', 10);
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : undefined;
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`;
}

export function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const url = requestUrl(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  // loaders and actions stop when the client goes away before the answer is written
  let controller: AbortController | null = new AbortController();
  res.on('finish', () => (controller = null));
  res.on('close', () => controller?.abort());
  const buffer: unknown = req.body;
  const body = req.method === 'GET' || req.method === 'HEAD' || !Buffer.isBuffer(buffer) ? undefined : new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
  return new Request(url, { method: req.method, headers, body, signal: controller.signal });
}

export async function sendFetchResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
