import { issueToken } from '~/services/api-tokens.server';
import type { TokenScope } from '@monoliet/contract';
import type { User } from '~/models/index.server';

/** A bearer token for a user, straight from the service (as the portal UI would create it). */
export async function tokenFor(user: User, scopes: TokenScope[] = user.role === 'staff' ? ['ingest', 'read', 'write'] : ['read', 'write']) {
  return (await issueToken({ user, name: 'test', scopes })).token;
}

/** fetch against the API with a bearer token and JSON. */
export function apiClient(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
}
