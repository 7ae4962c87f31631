import type { ErrorCode, ErrorEnvelope } from '@monoliet/contract';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { logger } from '../app/lib/logger.server';

// Answers that the express layer gives before a request reaches Remix (too large, cross-site, ...):
// the API's error envelope under /api, a small page everywhere else.

export function isApiRequest(req: Request) {
  // baseUrl: inside a middleware mounted at /api/v1, req.path no longer starts with it
  return (req.baseUrl + req.path).startsWith('/api/');
}

export function sendError(req: Request, res: Response, { status, code, message }: { status: number; code: ErrorCode; message: string }) {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).set('Cache-Control', 'no-store');
  if (isApiRequest(req)) {
    const body: ErrorEnvelope = { error: { code, message, requestId: String(req.id) } };
    res.json(body);
    return;
  }
  res.type('html').send(errorPage({ status, message }));
}

function errorPage({ status, message }: { status: number; message: string }) {
  const text = escapeHtml(message);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:6rem auto;padding:0 1.5rem;color:#0f172a"><p style="color:#64748b">${status}</p><h1 style="font-size:1.5rem">${text}</h1><p><a href="/">Back to the portal</a></p></body></html>`;
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The last middleware: whatever escaped is logged once and answered without a stack trace. */
export const handleUnexpectedError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (req.destroyed || (error as { code?: string }).code === 'ECONNRESET') {
    // the client went away (an aborted upload); there is nobody to answer
    res.end();
    return;
  }
  logger.error({ err: error }, 'unexpected error');
  sendError(req, res, { status: 500, code: 'internal', message: 'Something went wrong on our side' });
};
