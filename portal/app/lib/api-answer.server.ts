// What an API route answers, as plain data: Remix turns it into a web Response (toWebResponse), and the
// express layer writes it straight to the socket (server/resource-routes.ts), which spares the API the
// web Request/Response round trip of every call (docs/PERFORMANCE.md).

export type ApiAnswer = { status: number; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> | null };

/** A request's headers, as a web Request has them. */
export type RequestHeaders = { headers: { get(name: string): string | null } };

/** The parts of a request the API reads. A web Request has them; so does server/resource-routes.ts's view of a Node request. */
export type ApiRequest = RequestHeaders & {
  method: string;
  url: string;
  /** the body as UTF-8 text (a leading byte order mark dropped, as Request.text() does) */
  text(): Promise<string>;
};

/** A JSON answer that no cache keeps. */
export function jsonAnswer({ status, value, headers }: { status: number; value: unknown; headers?: Record<string, string> }): ApiAnswer {
  return { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers }, body: JSON.stringify(value) };
}

export function toWebResponse(answer: ApiAnswer | Response): Response {
  if (answer instanceof Response) return answer;
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
