// Request lines log the URL, but never a secret in it: reset and invite links carry tokens in the query or
// the path, and some clients put API keys in the query string.
const SECRET_PARAM = /token|password|passwd|secret|key|signature|sig|code|auth|session|csrf/i;
// A random token (base64url, 20+ characters, mixed case and digits). Slugs and UUIDs are lower case.
const SECRET_SEGMENT = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9_-]{20,}$/;
const REDACTED = '[redacted]';

export function describeUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const safePath = pathname
    .split('/')
    .map((segment) => (SECRET_SEGMENT.test(safeDecode(segment)) ? REDACTED : segment))
    .join('/');
  if (queryStart === -1) return safePath;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const [name = '', ...value] = pair.split('=');
      if (value.length === 0) return pair;
      return SECRET_PARAM.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${safePath}?${query.join('&')}`;
}

function safeDecode(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
