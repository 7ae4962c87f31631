import type { RequestHeaders } from './api-answer.server';
import { randomBytes } from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { getConfig } from './config.server';
import { TtlCache } from './ttl-cache';

// The browser session: an iron-session sealed (encrypted and signed) cookie, so the portal stays stateless.
export const SESSION_COOKIE = 'monoliet_session';
const MAX_AGE_SECONDS = 7 * 24 * 3600;

export type SessionData = {
  userId: string;
  /** users.session_version when signed in; a password change bumps it and ends other sessions */
  version: number;
  /** token for forms (CSRF) */
  csrf: string;
  issuedAt: number;
  /** false while a staff user with TOTP still has to enter a code */
  verified: boolean;
};

export function readCookie(request: RequestHeaders, name: string): string | undefined {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

// Unsealing costs a key derivation, an HMAC check and a decryption on every page request. A cookie that
// unsealed in the last few seconds is not unsealed again: its content cannot have changed (any change is a
// new cookie), and what the session may do is still checked against the user on every request (a password
// change or deactivation ends it at once). At most UNSEALED_TTL_MS past the seal's own expiry.
const UNSEALED_TTL_MS = 5_000;
const unsealed = new TtlCache<SessionData>(UNSEALED_TTL_MS, 5_000);

export async function readSession(request: RequestHeaders): Promise<SessionData | null> {
  const sealed = readCookie(request, SESSION_COOKIE);
  if (!sealed) return null;
  const known = unsealed.get(sealed);
  if (known) return { ...known };
  try {
    const data = await unsealData<Partial<SessionData>>(sealed, { password: getConfig().sessionSecret, ttl: MAX_AGE_SECONDS });
    if (!data.userId || typeof data.version !== 'number' || !data.csrf) return null;
    unsealed.set(sealed, { ...(data as SessionData) });
    return data as SessionData;
  } catch {
    return null;
  }
}

export function newSession({ userId, version, verified = true }: { userId: string; version: number; verified?: boolean }): SessionData {
  return { userId, version, verified, csrf: randomBytes(24).toString('base64url'), issuedAt: Date.now() };
}

/** The Set-Cookie header for a session: httpOnly, SameSite=Lax, Secure when the portal is served over https. */
export async function commitSession(data: SessionData): Promise<string> {
  const sealed = await sealData(data, { password: getConfig().sessionSecret, ttl: MAX_AGE_SECONDS });
  return serializeCookie({ value: sealed, maxAge: MAX_AGE_SECONDS });
}

export function destroySession(): string {
  return serializeCookie({ value: '', maxAge: 0 });
}

function serializeCookie({ value, maxAge }: { value: string; maxAge: number }) {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
  // Chromium drops a Secure cookie over plain http on localhost, so only https portals set it
  if (getConfig().isHttps) parts.push('Secure');
  return parts.join('; ');
}
