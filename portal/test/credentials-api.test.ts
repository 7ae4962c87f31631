import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { Op } from 'sequelize';
import { resetConfig } from '~/lib/config.server';
import { ApiCredential, AuditLogEntry, User, type Client } from '~/models/index.server';
import { rotateEncryptionKeys } from '~/services/key-rotation.server';
import { verifyStaffSecondFactor } from '~/services/second-factor.server';
import { MAX_CODE_FAILURES } from '~/services/second-factor-throttle.server';
import { openSecret } from '~/services/secrets.server';
import { signIn } from '~/services/sign-in.server';
import { MAX_PASSWORD_CONFIRM_FAILURES } from '~/services/staff-reauth.server';
import { confirmTwoFactorEnrolment, prepareTwoFactorEnrolment } from '~/services/two-factor.server';
import { buildClient, buildUser, TEST_PASSWORD } from './factories';
import { apiClient, tokenFor } from './helpers/api';
import { startPortal, type PortalProcess } from './helpers/portal-process';

let portal: PortalProcess;
let clientA: Client;
let clientB: Client;
let userA: User;
let staff: User;
let asA: ReturnType<typeof apiClient>;
let asB: ReturnType<typeof apiClient>;
let asStaff: ReturnType<typeof apiClient>;

beforeAll(async () => {
  portal = await startPortal();
  clientA = await buildClient({ companyName: 'Acme' });
  clientB = await buildClient({ companyName: 'Birch' });
  userA = await buildUser({ client: clientA, name: 'Alice Acme' });
  staff = await buildUser({ role: 'staff', name: 'Sam Support' });
  asA = apiClient(portal.url, await tokenFor(userA));
  asB = apiClient(portal.url, await tokenFor(await buildUser({ client: clientB })));
  asStaff = apiClient(portal.url, await tokenFor(staff));
});
afterAll(async () => {
  await portal?.stop();
});

const SECRET = 'sk_live_51HxYzSuperSecretValue9876';
const submit = (api: ReturnType<typeof apiClient>, overrides: Record<string, unknown> = {}) =>
  api('POST', '/credentials', { serviceName: 'Stripe', credentialType: 'api_key', fields: { apiKey: SECRET }, notes: 'For the invoice sync', ...overrides });

describe('submitting credentials', () => {
  it('stores the values encrypted and answers with the hint only, never the values', async () => {
    const created = await submit(asA);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId: clientA.id, serviceName: 'Stripe', credentialType: 'api_key', status: 'pending', hint: '••••9876', notes: 'For the invoice sync', lastVerified: null });
    expect(created.body.submittedBy).toEqual({ id: userA.id, name: 'Alice Acme' });
    const reads = [created, await asA('GET', `/credentials/${created.body.id}`), await asA('GET', '/credentials'), await asStaff('GET', '/credentials'), await asStaff('GET', `/credentials/${created.body.id}`)];
    for (const read of reads) {
      expect(read.status).toBeLessThan(300);
      expect(JSON.stringify(read.body)).not.toContain('SuperSecret');
    }
    const row = await ApiCredential.findByPk(created.body.id);
    expect(row!.encryptedData).not.toContain('SuperSecret');
    expect(JSON.parse(openSecret({ kind: 'credentialData', ciphertext: row!.encryptedData! }))).toEqual({ fields: { apiKey: SECRET } });
  });

  it('writes credential.create to the audit log with the field names but not the values', async () => {
    const created = await submit(asA, { credentialType: 'basic_auth', fields: { username: 'ops@acme.example', password: 'Hunter2-but-longer' } });
    const entry = await AuditLogEntry.findOne({ where: { action: 'credential.create', targetId: created.body.id } });
    expect(entry).toMatchObject({ actorId: userA.id, clientId: clientA.id });
    expect(entry!.metadata).toEqual({ serviceName: 'Stripe', credentialType: 'basic_auth', fieldNames: ['username', 'password'] });
    expect(JSON.stringify(entry!.toJSON())).not.toContain('Hunter2');
  });

  it.each([
    ['no fields', { fields: {} }, 'fields'],
    ['a blank value', { fields: { apiKey: '   ' } }, 'fields.apiKey'],
    ['a value over 10 000 characters', { fields: { apiKey: 'x'.repeat(10_001) } }, 'fields.apiKey'],
    ['more than 20 fields', { fields: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`field${i}`, 'value'])) }, 'fields'],
    ['a blank service name', { serviceName: ' ' }, 'serviceName'],
    ['an unknown type', { credentialType: 'password' }, 'credentialType'],
  ])('refuses %s with field details and stores nothing', async (_what, overrides, field) => {
    const before = await ApiCredential.count();
    const result = await submit(asA, overrides);
    expect(result.status).toBe(400);
    expect(Object.keys(result.body.error.details)).toContain(field);
    expect(await ApiCredential.count()).toBe(before);
  });

  it('refuses blank or repeated field names, and stores names without surrounding spaces', async () => {
    const blank = await submit(asA, { fields: { ' ': 'value-1234' } });
    expect([blank.status, blank.body.error.details]).toEqual([400, { fields: ['Give every field a name'] }]);
    const twice = await submit(asA, { fields: { apiKey: 'value-1234', ' apiKey ': 'value-5678' } });
    expect([twice.status, twice.body.error.details]).toEqual([400, { fields: ['Give each field a different name'] }]);
    const spaced = await submit(asA, { fields: { ' apiKey ': 'value-1234' } });
    const row = await ApiCredential.findByPk(spaced.body.id);
    expect(JSON.parse(openSecret({ kind: 'credentialData', ciphertext: row!.encryptedData! }))).toEqual({ fields: { apiKey: 'value-1234' } });
  });

  it('lets staff submit for a named client only, and a client only for itself', async () => {
    const noClient = await submit(asStaff);
    expect([noClient.status, noClient.body.error.details]).toEqual([400, { clientId: ['required for staff'] }]);
    expect((await submit(asStaff, { clientId: '0b7e8c1a-3f1d-4c1e-9a51-2f6a9d3c7e10' })).status).toBe(404);
    const forB = await submit(asStaff, { clientId: clientB.id });
    expect([forB.status, forB.body.clientId]).toEqual([201, clientB.id]);
    const foreign = await submit(asA, { clientId: clientB.id });
    expect([foreign.status, Object.keys(foreign.body.error.details)]).toEqual([400, ['clientId']]);
  });
});

describe('reading credentials across clients', () => {
  it('answers 404 for another client’s credential and lists only the caller’s own', async () => {
    const theirs = await submit(asB, { serviceName: 'Birch HubSpot' });
    expect((await asA('GET', `/credentials/${theirs.body.id}`)).status).toBe(404);
    expect((await asA('DELETE', `/credentials/${theirs.body.id}`)).status).toBe(404);
    const list = await asA('GET', '/credentials?limit=250');
    expect(list.body.data.every((c: { clientId: string }) => c.clientId === clientA.id)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('Birch HubSpot');
    expect((await ApiCredential.findByPk(theirs.body.id))!.status).toBe('pending');
  });

  it('filters by status and service name for staff', async () => {
    await submit(asA, { serviceName: 'Zendesk Support' });
    const found = await asStaff('GET', `/credentials?client=${clientA.id}&search=zendesk&status=pending`);
    expect(found.body.data.map((c: { serviceName: string }) => c.serviceName)).toEqual(['Zendesk Support']);
  });
});

describe('staff changes', () => {
  it('marks a credential active (stamping last verified), invalid, and edits notes; clients cannot', async () => {
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}`;
    expect((await asA('PATCH', path, { status: 'active' })).status).toBe(403);
    const active = await asStaff('PATCH', path, { status: 'active', notes: 'Works in production' });
    expect(active.body).toMatchObject({ status: 'active', notes: 'Works in production' });
    expect(Date.parse(active.body.lastVerified)).toBeGreaterThan(Date.parse(created.body.createdAt) - 1);
    const invalid = await asStaff('PATCH', path, { status: 'invalid' });
    expect([invalid.body.status, invalid.body.lastVerified]).toEqual(['invalid', active.body.lastVerified]);
  });
});

describe('revealing values', () => {
  it('needs the staff user’s current password, and audits every reveal and refusal', async () => {
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    const wrong = await asStaff('POST', path, { password: 'not my password' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'forbidden']);
    expect(JSON.stringify(wrong.body)).not.toContain('SuperSecret');
    expect(await AuditLogEntry.count({ where: { action: 'credential.reveal_denied', targetId: created.body.id, actorId: staff.id } })).toBe(1);
    expect((await asStaff('POST', path, {})).status).toBe(400);

    const revealed = await asStaff('POST', path, { password: TEST_PASSWORD });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ id: created.body.id, serviceName: 'Stripe', credentialType: 'api_key', fields: { apiKey: SECRET } });
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    const entry = await AuditLogEntry.findOne({ where: { action: 'credential.reveal', targetId: created.body.id } });
    expect(entry).toMatchObject({ actorId: staff.id, clientId: clientA.id });
    expect(JSON.stringify(entry!.metadata)).not.toContain('SuperSecret');
  });

  it('is refused to client users (even with their own password) and to read-only tokens', async () => {
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    const asClient = await asA('POST', path, { password: TEST_PASSWORD });
    expect([asClient.status, JSON.stringify(asClient.body).includes('SuperSecret')]).toEqual([403, false]);
    const readOnly = apiClient(portal.url, await tokenFor(staff, ['read']));
    expect((await readOnly('POST', path, { password: TEST_PASSWORD })).status).toBe(403);
    expect(await AuditLogEntry.count({ where: { action: 'credential.reveal', targetId: created.body.id } })).toBe(0);
  });
});

describe('revealing values with an authenticator code', () => {
  const codeAt = (secret: string, offsetSeconds = 0) => authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(secret);
  /** A 6-digit code that is none of the secret's codes around now. */
  const wrongCode = (secret: string) => ['000000', '111111', '222222', '333333'].find((code) => ![-30, 0, 30].some((offset) => codeAt(secret, offset) === code))!;

  /** A staff user with TOTP (enrolled with the current step's code, so the next step's is the one that works). */
  async function staffWithTwoFactor() {
    const user = await buildUser({ role: 'staff' });
    const { secret } = await prepareTwoFactorEnrolment({ user });
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ user, code: codeAt(secret) });
    return { user, secret, recoveryCodes, api: apiClient(portal.url, await tokenFor(user)) };
  }
  const denials = (id: string) => AuditLogEntry.findAll({ where: { action: 'credential.reveal_denied', targetId: id }, order: [['at', 'ASC']] });

  it('accepts a current code once, as an alternative to the password, and audits how the reveal was confirmed', async () => {
    const { user, secret, api } = await staffWithTwoFactor();
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    const code = codeAt(secret, 30);
    const revealed = await api('POST', path, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect([revealed.status, revealed.body.fields]).toEqual([200, { apiKey: SECRET }]);
    const entry = await AuditLogEntry.findOne({ where: { action: 'credential.reveal', targetId: created.body.id } });
    expect(entry).toMatchObject({ actorId: user.id, metadata: { serviceName: 'Stripe', fieldNames: ['apiKey'], confirmedWith: 'totp' } });

    // the same code again is refused, however quickly it comes back
    const replayed = await api('POST', path, { code });
    expect([replayed.status, replayed.body.error]).toEqual([403, { code: 'forbidden', message: 'That code is not right; the values stay hidden', details: { code: ['That code is not right'] } }]);
    expect(JSON.stringify(replayed.body)).not.toContain('SuperSecret');
    expect((await denials(created.body.id)).map((e) => [e.actorId, e.metadata])).toEqual([[user.id, { reason: 'wrong code' }]]);
    expect(await AuditLogEntry.count({ where: { action: 'auth.second_factor_failed', targetId: user.id } })).toBe(1);

    // the password still works for a user with two-factor
    const withPassword = await api('POST', path, { password: TEST_PASSWORD });
    expect(withPassword.status).toBe(200);
    expect((await AuditLogEntry.findAll({ where: { action: 'credential.reveal', targetId: created.body.id }, order: [['at', 'ASC']] })).map((e) => e.metadata.confirmedWith)).toEqual(['totp', 'password']);
  });

  it('takes a password or a 6-digit code, not both, and no recovery code (which sign-in needs)', async () => {
    const { secret, recoveryCodes, api, user } = await staffWithTwoFactor();
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    const both = await api('POST', path, { password: TEST_PASSWORD, code: codeAt(secret, 30) });
    expect([both.status, both.body.error.details]).toEqual([400, { code: ['Send your password or a code, not both'] }]);
    const none = await api('POST', path, {});
    expect([none.status, none.body.error.details]).toEqual([400, { password: ['Enter your password or a code from your authenticator app'] }]);
    const recovery = await api('POST', path, { code: recoveryCodes[0] });
    expect([recovery.status, recovery.body.error.details]).toEqual([400, { code: ['Enter the 6-digit code from your authenticator app'] }]);
    expect((await User.findByPk(user.id))!.recoveryCodes).toHaveLength(10);
    expect(await AuditLogEntry.count({ where: { action: ['credential.reveal', 'credential.reveal_denied'], targetId: created.body.id } })).toBe(0);
  });

  it('refuses a code from a staff user without two-factor, and audits it', async () => {
    const created = await submit(asA);
    const refused = await asStaff('POST', `/credentials/${created.body.id}/reveal`, { code: '123456' });
    expect([refused.status, refused.body.error.message]).toEqual([403, 'Two-factor authentication is not set up for your account, so use your password; the values stay hidden']);
    expect((await denials(created.body.id)).map((e) => [e.actorId, e.metadata])).toEqual([[staff.id, { reason: 'no two-factor set up' }]]);
  });

  it('refuses codes, even the right one, after repeated wrong ones (counted with the sign-in codes); the password still works', async () => {
    const { user, secret, api } = await staffWithTwoFactor();
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    // one wrong code at the sign-in's second step counts too
    expect(await verifyStaffSecondFactor({ user: (await User.findByPk(user.id))!, code: wrongCode(secret) })).toMatchObject({ reason: 'invalid_code' });
    for (let i = 0; i < MAX_CODE_FAILURES - 2; i++) expect((await api('POST', path, { code: wrongCode(secret) })).status).toBe(403);
    const locking = await api('POST', path, { code: wrongCode(secret) });
    expect([locking.status, locking.body.error.code]).toEqual([429, 'rate_limited']);
    const right = await api('POST', path, { code: codeAt(secret, 30) });
    expect([right.status, right.body.error.message]).toEqual([429, 'Too many wrong codes, so codes are refused for now. Try again in 15 minutes. Your password still works.']);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(JSON.stringify(right.body)).not.toContain('SuperSecret');
    expect((await denials(created.body.id)).map((e) => e.metadata.reason)).toEqual([...Array(MAX_CODE_FAILURES - 2).fill('wrong code'), 'codes locked after wrong ones', 'codes locked after wrong ones']);
    expect(await AuditLogEntry.count({ where: { action: 'auth.second_factor_locked', targetId: user.id } })).toBe(1);

    expect((await api('POST', path, { password: TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses the password, even the right one, after repeated wrong ones (per user, apart from the sign-in); a code still works', async () => {
    const { user, secret, api } = await staffWithTwoFactor();
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    for (let i = 0; i < MAX_PASSWORD_CONFIRM_FAILURES - 1; i++) expect((await api('POST', path, { password: `not my password ${i}` })).status).toBe(403);
    const locking = await api('POST', path, { password: 'still not my password' });
    expect([locking.status, locking.body.error.code]).toEqual([429, 'rate_limited']);
    const right = await api('POST', path, { password: TEST_PASSWORD });
    const message = 'Too many wrong passwords, so your password is refused here for now. Try again in 15 minutes. A code from your authenticator app still works.';
    expect([right.status, right.body.error]).toEqual([429, { code: 'rate_limited', message, details: { password: [message] } }]);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(JSON.stringify(right.body)).not.toContain('SuperSecret');
    expect((await denials(created.body.id)).map((e) => [e.actorId, e.metadata.reason])).toEqual([
      ...Array(MAX_PASSWORD_CONFIRM_FAILURES - 1).fill([user.id, 'wrong password']),
      [user.id, 'password locked after wrong ones'],
      [user.id, 'password locked after wrong ones'],
    ]);
    expect(await AuditLogEntry.count({ where: { action: 'auth.password_confirmation_locked', targetId: user.id } })).toBe(1);

    // only this user's confirmation is locked: not their sign-in, not another staff user, not their codes
    expect(await signIn({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect((await asStaff('POST', path, { password: TEST_PASSWORD })).status).toBe(200);
    const byCode = await api('POST', path, { code: codeAt(secret, 30) });
    expect([byCode.status, byCode.body.fields]).toEqual([200, { apiKey: SECRET }]);
  });

  it('tells a staff user without two-factor only to wait when their password is locked', async () => {
    const api = apiClient(portal.url, await tokenFor(await buildUser({ role: 'staff' })));
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}/reveal`;
    for (let i = 0; i < MAX_PASSWORD_CONFIRM_FAILURES; i++) await api('POST', path, { password: `not my password ${i}` });
    const right = await api('POST', path, { password: TEST_PASSWORD });
    expect([right.status, right.body.error.message]).toEqual([429, 'Too many wrong passwords, so your password is refused here for now. Try again in 15 minutes.']);
  });
});

describe('revoking', () => {
  it('wipes the values for good: no reveal, no reactivation, and a second revoke changes nothing', async () => {
    const created = await submit(asA);
    const path = `/credentials/${created.body.id}`;
    expect((await asA('DELETE', path)).status).toBe(204);
    const row = await ApiCredential.findByPk(created.body.id);
    expect([row!.status, row!.encryptedData, row!.hint]).toEqual(['revoked', null, '••••9876']);
    expect((await asA('GET', path)).body.status).toBe('revoked');
    expect((await asStaff('POST', `${path}/reveal`, { password: TEST_PASSWORD })).status).toBe(409);
    expect((await asStaff('PATCH', path, { status: 'active' })).status).toBe(409);
    expect((await asStaff('PATCH', path, { notes: 'Client rotated the key' })).body.notes).toBe('Client rotated the key');
    expect((await asA('DELETE', path)).status).toBe(204);
    expect(await AuditLogEntry.count({ where: { action: 'credential.revoke', targetId: created.body.id } })).toBe(1);
  });

  it('lets staff revoke through the status as well, and key rotation skips wiped rows', async () => {
    const created = await submit(asA);
    expect((await asStaff('PATCH', `/credentials/${created.body.id}`, { status: 'revoked' })).body.status).toBe('revoked');
    expect((await ApiCredential.findByPk(created.body.id))!.encryptedData).toBeNull();
    // rotate onto a new key: every row with values moves, the wiped ones are skipped without an error
    const withValues = await ApiCredential.count({ where: { encryptedData: { [Op.ne]: null } } });
    const previousKeys = process.env.ENCRYPTION_KEYS!;
    process.env.ENCRYPTION_KEYS = `new1:${randomBytes(32).toString('base64')},${previousKeys}`;
    resetConfig();
    try {
      const rotation = await rotateEncryptionKeys();
      expect(rotation.rotated.api_credentials).toBe(withValues);
    } finally {
      process.env.ENCRYPTION_KEYS = previousKeys;
      resetConfig();
    }
  });
});
