// What the express server passes to every loader and action (server.ts getLoadContext).
declare module '@remix-run/node' {
  interface AppLoadContext {
    ip?: string;
    requestId?: string;
    cspNonce?: string;
  }
}

export {};
