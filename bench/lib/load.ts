import autocannon from 'autocannon';

export type LoadRequest = { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
export type LoadResult = { durationMs: number; requests: number; p50: number; p95: number; p99: number; failures: string[] };

/**
 * Sends `amount` requests over `connections` keep-alive connections with autocannon; `next(i)` gives the
 * i-th request (shared by all connections, so every request is sent exactly once). Latencies are taken per
 * response, so any percentile can be read; the duration runs from the start to the last answer. Any status
 * other than `expectStatus` is a failure.
 */
export async function runLoad({ url, connections, amount, next, expectStatus = 200 }: { url: string; connections: number; amount: number; next: (index: number) => LoadRequest; expectStatus?: number }): Promise<LoadResult> {
  let index = 0;
  const latencies: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  let lastAnswer = started;
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        // autocannon refuses more connections than requests
        connections: Math.min(connections, amount),
        amount,
        timeout: 60,
        requests: [
          {
            setupRequest: (request) => {
              const wanted = next(index++);
              return { ...request, method: wanted.method ?? 'GET', path: wanted.path, body: wanted.body, headers: { ...request.headers, ...wanted.headers } };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastAnswer = performance.now();
    if (statusCode !== expectStatus && failures.length < 10) failures.push(`HTTP ${statusCode}`);
  });
  const result = await finished;
  // until the last answer: autocannon itself reports "done" only at its next 1 s sampling tick, which made
  // every duration a whole number of seconds plus a few milliseconds
  const durationMs = lastAnswer - started;
  if (result.errors > 0) failures.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
  if (latencies.length < amount) failures.push(`only ${latencies.length} of ${amount} requests answered`);
  return { durationMs, requests: latencies.length, ...percentiles(latencies), failures };
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
