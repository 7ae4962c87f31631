import { timingSafeEqual } from 'node:crypto';
import { CSRF_FIELD } from './csrf';
import type { SessionData } from './session.server';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * CSRF, second line: a form posted with the session cookie must carry the session's token (<CsrfInput />).
 * Other bodies (fetch with JSON) cannot be sent cross-site without a CORS preflight, and the server's
 * Origin check refuses cross-site requests before they get here.
 */
export async function verifyCsrfToken(request: Request, session: SessionData): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  if (!FORM_TYPES.test(request.headers.get('Content-Type') ?? '')) return;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const sent = form?.get(CSRF_FIELD);
  if (typeof sent === 'string' && isSameToken(sent, session.csrf)) return;
  throw new Response('This form has expired or did not come from the portal. Reload the page and try again.', {
    status: 403,
    statusText: 'Forbidden',
  });
}

function isSameToken(sent: string, expected: string) {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
