import type { ExecutionStatus } from '@monoliet/contract';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// An msw fake of n8n's public API that behaves as ../shared/N8N.md describes (checked against n8n 2.41):
// executions newest first by id (ids with gaps), base64 {"lastId","limit"} cursors, default limit 100,
// clamp at 250, limit=0 returns everything, running executions hidden unless status=running, `error`
// without `crashed`, exact list item keys, 401/403 answers, 1.x without publish/unpublish.

export type FakeExecution = {
  id: number;
  workflowId: string;
  status: ExecutionStatus;
  mode: string;
  startedAt: string | null;
  stoppedAt: string | null;
  retryOf: string | null;
  retrySuccessId: string | null;
  waitTill: string | null;
};

export type FakeWorkflow = { id: string; name: string; active: boolean; tags: string[]; isArchived: boolean; createdAt: string; updatedAt: string };

export type FakeRequest = { method: string; path: string; query: Record<string, string> };

type Fault = { match: (request: FakeRequest) => boolean; remaining: number; respond: () => Response | Promise<Response> };

const STATUSES: ExecutionStatus[] = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];
const SCOPES: Record<string, string[]> = {
  'GET /executions': ['execution:list'],
  'GET /executions/:id': ['execution:read'],
  'GET /workflows': ['workflow:list'],
  'GET /workflows/:id': ['workflow:read'],
  'POST publish': ['workflow:publish', 'workflow:activate'],
  'POST unpublish': ['workflow:unpublish', 'workflow:deactivate'],
  'POST activate': ['workflow:activate'],
  'POST deactivate': ['workflow:deactivate'],
};

export class FakeN8n {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** 2 = n8n 2.x (publish/unpublish), 1 = n8n 1.x (activate/deactivate only) */
  version: 1 | 2;
  /** the API key's scopes; undefined = every scope */
  scopes: string[] | undefined;
  readonly workflows = new Map<string, FakeWorkflow>();
  readonly executions = new Map<number, FakeExecution>();
  readonly requests: FakeRequest[] = [];
  private faults: Fault[] = [];
  private lastExecutionId = 0;
  private seed = 42;
  private sorted: FakeExecution[] | undefined;

  constructor({ baseUrl = 'https://n8n.fake.test', apiKey = 'n8n-fake-api-key', version = 2, scopes }: { baseUrl?: string; apiKey?: string; version?: 1 | 2; scopes?: string[] } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
    this.version = version;
    this.scopes = scopes;
  }

  addWorkflow({ id, name, active = true, tags = [], isArchived = false }: Partial<FakeWorkflow> & { name: string }): FakeWorkflow {
    const at = '2026-01-01T00:00:00.000Z';
    const workflow = { id: id ?? this.workflowId(), name, active, tags, isArchived, createdAt: at, updatedAt: at };
    this.workflows.set(workflow.id, workflow);
    return workflow;
  }

  /** Adds an execution with the next id (ids have gaps, as in n8n). */
  addExecution(execution: Partial<Omit<FakeExecution, 'id'>> & { workflowId: string; startedAt: string | null }): FakeExecution {
    this.lastExecutionId += 1 + Math.floor(this.random() * 3);
    const status = execution.status ?? 'success';
    const finished = !['running', 'new', 'waiting'].includes(status);
    const stored: FakeExecution = {
      id: this.lastExecutionId,
      mode: 'trigger',
      retryOf: null,
      retrySuccessId: null,
      waitTill: null,
      stoppedAt: finished && execution.startedAt ? new Date(Date.parse(execution.startedAt) + 1500).toISOString() : null,
      ...execution,
      status,
    };
    this.executions.set(stored.id, stored);
    return stored;
  }

  /** `count` executions, one every `everyMs` from `from`, spread over the workflows, with a mix of statuses. */
  addExecutions({ count, workflowIds, from, everyMs = 60_000, statuses = ['success', 'success', 'success', 'error', 'crashed'] }: { count: number; workflowIds: string[]; from: Date; everyMs?: number; statuses?: ExecutionStatus[] }): FakeExecution[] {
    return Array.from({ length: count }, (_, i) =>
      this.addExecution({
        workflowId: workflowIds[i % workflowIds.length]!,
        status: statuses[Math.floor(this.random() * statuses.length)]!,
        mode: i % 11 === 0 ? 'webhook' : 'trigger',
        startedAt: new Date(from.getTime() + i * everyMs).toISOString(),
      }),
    );
  }

  finishExecution(id: number, status: ExecutionStatus = 'success') {
    const execution = this.executions.get(id)!;
    execution.status = status;
    execution.stoppedAt = new Date(Date.parse(execution.startedAt ?? new Date().toISOString()) + 5000).toISOString();
  }

  /** n8n's pruning: deletes the executions the predicate selects. */
  prune(predicate: (execution: FakeExecution) => boolean) {
    for (const execution of [...this.executions.values()]) if (predicate(execution)) this.executions.delete(execution.id);
  }

  /**
   * Makes the next `times` requests that `match` selects fail: with an HTTP status (and headers), or with
   * a network error (`'network'`), or by answering after `delayMs` (a hang, for timeouts).
   */
  failRequests({ match, times = 1, status, headers, network, delayMs }: { match: (request: FakeRequest) => boolean; times?: number; status?: number; headers?: Record<string, string>; network?: boolean; delayMs?: number }) {
    const respond = async () => {
      if (delayMs) await delay(delayMs);
      if (network) return HttpResponse.error();
      return HttpResponse.json({ message: status === 429 ? 'Too Many Requests' : 'Internal Server Error' }, { status: status ?? 500, headers });
    };
    this.faults.push({ match, remaining: times, respond });
  }

  requestsTo(path: string): FakeRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** msw handlers for this fake (tests in this process). */
  handlers(): HttpHandler[] {
    return [http.all(`${this.baseUrl}/api/v1/*`, ({ request }) => this.fetch(request))];
  }

  /** Answers one request as n8n would (also what serveFakeN8n puts behind a real HTTP port). */
  async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^.*\/api\/v1/, '');
    const method = request.method.toUpperCase();
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/executions') return this.handle(request, 'GET /executions', (query) => this.listExecutions(query));
    if (method === 'GET' && (match = /^\/executions\/([^/]+)$/.exec(path))) return this.handle(request, 'GET /executions/:id', () => this.getExecution(decodeURIComponent(match![1]!)));
    if (method === 'GET' && path === '/workflows') return this.handle(request, 'GET /workflows', (query) => this.listWorkflows(query));
    if (method === 'GET' && (match = /^\/workflows\/([^/]+)$/.exec(path))) return this.handle(request, 'GET /workflows/:id', () => this.getWorkflow(decodeURIComponent(match![1]!)));
    if (method === 'POST' && (match = /^\/workflows\/([^/]+)\/(publish|unpublish|activate|deactivate)$/.exec(path))) {
      const action = match[2] as 'publish' | 'unpublish' | 'activate' | 'deactivate';
      return this.handle(request, `POST ${action}`, () => this.setActive(decodeURIComponent(match![1]!), action));
    }
    return HttpResponse.json({ message: 'not found' }, { status: 404 });
  }

  private async handle(request: Request, route: string, answer: (query: Record<string, string>) => Response): Promise<Response> {
    const url = new URL(request.url);
    const seen: FakeRequest = { method: request.method, path: url.pathname.replace(/^.*\/api\/v1/, ''), query: Object.fromEntries(url.searchParams) };
    this.requests.push(seen);
    const fault = this.faults.find((f) => f.remaining > 0 && f.match(seen));
    if (fault) {
      fault.remaining--;
      return fault.respond();
    }
    if (request.headers.get('x-n8n-api-key') !== this.apiKey) return HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
    if (this.version === 1 && (route === 'POST publish' || route === 'POST unpublish')) {
      return HttpResponse.json({ message: 'not found', errors: [{ path: seen.path, message: 'not found' }] }, { status: 404 });
    }
    const needs = SCOPES[route]!;
    if (this.scopes && !needs.some((scope) => this.scopes!.includes(scope))) return HttpResponse.json({ message: 'Forbidden' }, { status: 403 });
    return answer(seen.query);
  }

  private listExecutions(query: Record<string, string>): Response {
    const page = pageParams(query);
    if ('error' in page) return page.error;
    if (query.status !== undefined && !STATUSES.includes(query.status as ExecutionStatus)) {
      return HttpResponse.json({ message: `request/query/status must be equal to one of the allowed values: ${STATUSES.join(', ')}` }, { status: 400 });
    }
    const matching = this.newestFirst()
      .filter((e) => (query.status ? e.status === query.status : e.status !== 'running'))
      .filter((e) => !query.workflowId || e.workflowId === query.workflowId)
      .filter((e) => page.lastId === undefined || e.id < page.lastId);
    const data = page.limit === 0 ? matching : matching.slice(0, page.limit);
    const more = matching.length > data.length;
    return HttpResponse.json({ data: data.map(listItem), nextCursor: more ? encodeCursor({ lastId: String(data.at(-1)!.id), limit: page.limit }) : null });
  }

  /** Every execution by id descending; sorted again only when the set of executions changed (benchmarks page 100k). */
  private newestFirst(): FakeExecution[] {
    const unchanged = this.sorted?.length === this.executions.size && this.sorted.every((e) => this.executions.get(e.id) === e);
    if (!unchanged) this.sorted = [...this.executions.values()].sort((a, b) => b.id - a.id);
    return this.sorted!;
  }

  private getExecution(id: string): Response {
    const execution = this.executions.get(Number(id));
    if (!execution || !/^\d+$/.test(id)) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    return HttpResponse.json({ ...listItem(execution), createdAt: execution.startedAt, deletedAt: null, workflowVersionId: null });
  }

  private listWorkflows(query: Record<string, string>): Response {
    const page = pageParams(query);
    if ('error' in page) return page.error;
    const all = [...this.workflows.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const after = page.lastId === undefined ? all : all.filter((w) => w.id > String(page.lastIdRaw));
    const data = page.limit === 0 ? after : after.slice(0, page.limit);
    const more = after.length > data.length;
    return HttpResponse.json({ data: data.map(workflowItem), nextCursor: more ? encodeCursor({ lastId: data.at(-1)!.id, limit: page.limit }) : null });
  }

  private getWorkflow(id: string): Response {
    const workflow = this.workflows.get(id);
    return workflow ? HttpResponse.json(workflowItem(workflow)) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  }

  private setActive(id: string, action: 'publish' | 'unpublish' | 'activate' | 'deactivate'): Response {
    const workflow = this.workflows.get(id);
    if (!workflow) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    workflow.active = action === 'publish' || action === 'activate';
    workflow.updatedAt = new Date().toISOString();
    return HttpResponse.json(workflowItem(workflow));
  }

  private workflowId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: 16 }, () => alphabet[Math.floor(this.random() * alphabet.length)]).join('');
  }

  private random(): number {
    // deterministic, so a failing test fails the same way again
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.seed / 2_147_483_648;
  }
}

type PageParams = { limit: number; lastId?: number; lastIdRaw?: string } | { error: Response };

function pageParams(query: Record<string, string>): PageParams {
  let limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 0) return { error: HttpResponse.json({ message: 'request/query/limit must be integer' }, { status: 400 }) };
  limit = Math.min(limit, 250);
  if (!query.cursor) return { limit };
  try {
    const cursor = JSON.parse(Buffer.from(query.cursor, 'base64').toString('utf8')) as { lastId: string; limit: number };
    if (typeof cursor.limit !== 'number' || cursor.lastId === undefined) throw new Error('bad cursor');
    // the cursor's limit wins over the limit parameter
    return { limit: Math.min(cursor.limit, 250), lastId: Number(cursor.lastId), lastIdRaw: String(cursor.lastId) };
  } catch {
    return { error: HttpResponse.json({ message: 'An invalid cursor was provided' }, { status: 400 }) };
  }
}

function encodeCursor(cursor: { lastId: string; limit: number }): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64');
}

/** Exactly the keys of an n8n 2.41 list item. */
function listItem(e: FakeExecution) {
  return {
    id: String(e.id),
    finished: e.status === 'success',
    mode: e.mode,
    retryOf: e.retryOf,
    retrySuccessId: e.retrySuccessId,
    status: e.status,
    startedAt: e.startedAt,
    stoppedAt: e.stoppedAt,
    workflowId: e.workflowId,
    waitTill: e.waitTill,
  };
}

function workflowItem(w: FakeWorkflow) {
  return {
    id: w.id,
    name: w.name,
    active: w.active,
    isArchived: w.isArchived,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    nodes: [],
    connections: {},
    settings: { executionOrder: 'v1' },
    staticData: null,
    meta: null,
    pinData: null,
    versionId: '7f3c2f4e-0000-4000-8000-000000000000',
    triggerCount: w.active ? 1 : 0,
    tags: w.tags.map((name, i) => ({ id: `tag${i}${name.length}`, name, createdAt: w.createdAt, updatedAt: w.updatedAt })),
  };
}

/**
 * The fake behind a real port on 127.0.0.1, for code msw cannot reach: a portal or CLI child process.
 * A network-error fault closes the connection.
 */
export async function serveFakeN8n(options: Omit<ConstructorParameters<typeof FakeN8n>[0] & object, 'baseUrl'> = {}) {
  const serving: { fake?: FakeN8n } = {};
  const server = createServer((req, res) => {
    void (async () => {
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: headersOf(req), body: req.method === 'GET' || req.method === 'HEAD' ? undefined : await bodyOf(req) });
      const response = await serving.fake!.fetch(request);
      if (response.type === 'error') return req.socket.destroy();
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake = new FakeN8n({ ...options, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  serving.fake = fake;
  return { fake, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  return headers;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
