import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const PORTAL_DIR = path.resolve(__dirname, '../..');

export type PortalProcess = { url: string; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

/**
 * Starts the real portal (server.ts serving the build) on a free port against this test file's database.
 * Resolves once it logs "listening".
 */
export function startPortal({ env = {}, timeoutMs = 30_000 }: { env?: Record<string, string | undefined> } & { timeoutMs?: number } = {}): Promise<PortalProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: PORTAL_DIR,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`portal did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"msg":"listening","port":(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        child,
        output: () => output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal exited with ${code} before listening:\n${output}`));
    });
  });
}

/**
 * A tiny browser: keeps cookies, never follows redirects, so tests see each hop. Like a real browser it
 * sends Origin with a form post, and the CSRF token of the last page it loaded that had a form
 * (<CsrfInput />), so a test loads the page with the form before posting it.
 */
export class Browser {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  private readonly origin: string;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly baseUrl: string,
    /** `origin`: where the pages are served from (PUBLIC_URL behind a proxy); `headers`: sent with every request */
    { origin = baseUrl, headers = {} }: { origin?: string; headers?: Record<string, string> } = {},
  ) {
    this.origin = origin;
    this.headers = headers;
  }

  async request(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) if (!headers.has(name)) headers.set(name, value);
    if (this.cookies.size) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(this.baseUrl + pathname, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      const html = await response.clone().text();
      this.csrf = /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? this.csrf;
    }
    return response;
  }

  get(pathname: string) {
    return this.request(pathname);
  }

  post(pathname: string, form: Record<string, string>) {
    const fields = this.csrf && !('_csrf' in form) ? { _csrf: this.csrf, ...form } : form;
    return this.request(pathname, { method: 'POST', body: new URLSearchParams(fields), headers: { Origin: this.origin } });
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
