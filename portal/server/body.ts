import type { Request, RequestHandler, Response } from 'express';
import { AsyncResource } from 'node:async_hooks';
import { sendError } from './errors';

/** Larger request bodies get a 413; 1 MB holds any form and an ingest batch of 500 runs. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the request body into req.body (a Buffer) before any route runs, counting bytes as they arrive,
 * so a chunked upload without Content-Length is cut off at the limit just like a declared one.
 */
export function readBodyWithLimit({ limitBytes = MAX_BODY_BYTES }: { limitBytes?: number } = {}): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (Number(req.headers['content-length']) > limitBytes) return refuseTooLarge({ req, res, limitBytes });
    const chunks: Buffer[] = [];
    let received = 0;
    // stream events fire outside the request context; run in this resource's scope, they (and the routes
    // after them) keep it. One resource per request: AsyncResource.bind() per handler costs about 20 µs
    // each (it defines deprecated accessors on every bound function).
    const scope = new AsyncResource('monoliet.request-body');
    const inScope =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) =>
        scope.runInAsyncScope(handler, undefined, ...args);
    const onData = inScope((chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) return chunks.push(chunk);
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      refuseTooLarge({ req, res, limitBytes });
    });
    const onEnd = inScope(() => {
      req.removeListener('data', onData);
      req.body = Buffer.concat(chunks);
      next();
    });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', inScope((error: Error) => next(error)));
  };
}

// A client still sending this much past the limit is cut off instead of being read to the end
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

function refuseTooLarge({ req, res, limitBytes }: { req: Request; res: Response; limitBytes: number }) {
  // The rest of the body is read and dropped: closing the connection while the client still sends would
  // make it fail with EPIPE instead of reading the 413.
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
  });
  req.resume();
  sendError(req, res, { status: 413, code: 'payload_too_large', message: `The request body is larger than ${limitBytes / (1024 * 1024)} MB` });
}
