import { commitSession, newSession, readSession, SESSION_COOKIE } from '~/lib/session.server';

// Sessions are sealed cookies; a cookie read again within seconds is not unsealed again, which must not
// change what any request reads.

const requestWith = (cookie: string) => new Request('http://127.0.0.1/', { headers: { cookie } });

async function sealedCookie(userId = '8a0e6b52-5b0f-4a41-9d67-0a1f2b3c4d5e') {
  const header = await commitSession(newSession({ userId, version: 3, verified: false }));
  return header.split(';')[0]!;
}

describe('session cookies', () => {
  it('reads the same session every time, and a caller changing its copy changes no other read', async () => {
    const cookie = await sealedCookie();
    const first = await readSession(requestWith(cookie));
    expect(first).toMatchObject({ userId: '8a0e6b52-5b0f-4a41-9d67-0a1f2b3c4d5e', version: 3, verified: false });
    first!.verified = true;
    first!.userId = 'someone else';
    const again = await readSession(requestWith(cookie));
    expect(again).toMatchObject({ userId: '8a0e6b52-5b0f-4a41-9d67-0a1f2b3c4d5e', version: 3, verified: false, csrf: first!.csrf });
  });

  it('refuses a cookie changed by one character, even right after the real one was read', async () => {
    const cookie = await sealedCookie();
    expect(await readSession(requestWith(cookie))).not.toBeNull();
    const value = decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1));
    const i = value.length - 5;
    const tampered = `${SESSION_COOKIE}=${encodeURIComponent(value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1))}`;
    expect(await readSession(requestWith(tampered))).toBeNull();
    expect(await readSession(requestWith(`${SESSION_COOKIE}=garbage`))).toBeNull();
  });
});
