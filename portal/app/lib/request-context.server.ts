import { AsyncLocalStorage } from 'node:async_hooks';

// The request being served, for everything that runs on its behalf: log lines and the requestId of a 500.
export type RequestContext = { requestId: string };

// server.ts and the Remix build each load their own copy of this module, so the store lives on
// globalThis: the express middleware that opens a request and the route code inside it share it.
const STORE_KEY = Symbol.for('monoliet.request-context');
const globalStore = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestContext> };
const store = (globalStore[STORE_KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return store.run(context, run);
}

export function getRequestId(): string | undefined {
  return store.getStore()?.requestId;
}
