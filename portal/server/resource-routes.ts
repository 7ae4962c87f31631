import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import type { ApiAnswer, ApiRequest } from '../app/lib/api-answer.server';
import type { NodeApiCall } from '../app/lib/api.server';
import { loadContextOf, requestUrl, sendFetchResponse, toFetchRequest } from './remix-handler';

// The API and the health checks are Remix resource routes (a loader and an action, no page). Remix matches
// every request by flattening and ranking all ~100 routes again (about 2 ms of CPU per request, more than
// an ingest costs in the database), so these are matched here once, against patterns compiled at start,
// and their loader or action is called directly, as Remix would. Pages still go through Remix.
// The API's routes (lib/api.server.ts) are called without a web Request or Response at all: they read the
// Node request and answer plain data, which is written to the socket as it is. Building a Request, reading
// its body stream, and streaming a Response back cost about a sixth of the portal's CPU per push.

type DataFunction = ((args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown) & {
  /** set on the API's routes (apiResource) */
  serveNode?: (call: NodeApiCall) => Promise<ApiAnswer | Response>;
};
type CompiledRoute = { id: string; pattern: RegExp; paramNames: string[]; score: number; loader?: DataFunction; action?: DataFunction };
type RouteModule = { default?: unknown; loader?: DataFunction; action?: DataFunction };

const PARAM = /^:[\w-]+$/;

/** The resource routes of `build` whose full path starts with one of `prefixes`, best match first. */
export function compileResourceRoutes({ build, prefixes }: { build: ServerBuild; prefixes: string[] }): CompiledRoute[] {
  const compiled: CompiledRoute[] = [];
  for (const route of Object.values(build.routes)) {
    const module = route.module as RouteModule;
    if (module.default || (!module.loader && !module.action) || route.index) continue;
    const path = fullPath(build, route.id);
    if (!prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) continue;
    compiled.push({ id: route.id, ...compilePattern(path, Boolean(route.caseSensitive)), loader: module.loader, action: module.action });
  }
  // Remix's ranking: more and more specific segments first; a splat only when nothing else matches
  return compiled.sort((a, b) => b.score - a.score);
}

function fullPath(build: ServerBuild, id: string): string {
  const parts: string[] = [];
  for (let route: (typeof build.routes)[string] | undefined = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  return parts.join('/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
}

function compilePattern(path: string, caseSensitive: boolean) {
  const segments = path.split('/');
  const paramNames: string[] = [];
  let source = '^';
  let score = segments.length;
  for (const segment of segments) {
    if (segment === '*') {
      paramNames.push('*');
      source += '(?:/(.*))?';
      score -= 2;
      continue;
    }
    if (PARAM.test(segment)) {
      paramNames.push(segment.slice(1));
      source += '/([^/]+)';
      score += 3;
    } else {
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      score += 10;
    }
  }
  return { pattern: new RegExp(`${source}/*$`, caseSensitive ? '' : 'i'), paramNames, score };
}

function decode(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function matchResourceRoute(routes: CompiledRoute[], pathname: string): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, i) => (params[name] = decode(found[i + 1] ?? '')));
    return { route, params };
  }
  return null;
}

/** Serves the matching resource routes of `build`; anything else goes on to Remix. */
export function serveResourceRoutes({ build, prefixes }: { build: ServerBuild; prefixes: string[] }): RequestHandler {
  const routes = compileResourceRoutes({ build, prefixes });
  return async (req, res, next) => {
    const matched = matchResourceRoute(routes, req.path);
    if (!matched) return next();
    const { route, params } = matched;
    const handler = req.method === 'GET' || req.method === 'HEAD' ? route.loader : route.action;
    if (!handler) return next();
    try {
      if (handler.serveNode) return send(res, await handler.serveNode({ request: apiRequestOf(req), params, ip: req.ip }));
      const context = loadContextOf(req, res);
      const request = toFetchRequest(req, res);
      const result = await Promise.resolve()
        .then(() => handler({ request, params, context }))
        .catch((thrown: unknown) => {
          if (thrown instanceof Response) return thrown;
          throw thrown;
        });
      await sendFetchResponse(res, result instanceof Response ? result : Response.json(result ?? null));
    } catch (error) {
      next(error);
    }
  };
}

/** The request as the API reads it; readBodyWithLimit has already read the body into req.body. */
function apiRequestOf(req: ExpressRequest): ApiRequest {
  return {
    method: req.method,
    get url() {
      return requestUrl(req);
    },
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(Buffer.isBuffer(req.body) ? req.body.toString('utf8').replace(/^\uFEFF/, '') : ''),
  };
}

async function send(res: ExpressResponse, answer: ApiAnswer | Response) {
  if (answer instanceof Response) return sendFetchResponse(res, answer);
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body ?? undefined);
}
