import { authenticator } from 'otplib';
import { AuditLogEntry, User } from '~/models/index.server';
import { signInWithToken } from '~/services/api-auth.server';
import { verifyStaffSecondFactor } from '~/services/second-factor.server';
import { MAX_CODE_FAILURES } from '~/services/second-factor-throttle.server';
import { signIn } from '~/services/sign-in.server';
import { confirmTwoFactorEnrolment, disableTwoFactor, prepareTwoFactorEnrolment, regenerateRecoveryCodes } from '~/services/two-factor.server';
import { buildUser, TEST_PASSWORD } from './factories';

const codeAt = (secret: string, offsetSeconds = 0) => authenticator.clone({ epoch: Date.now() + offsetSeconds * 1000 }).generate(secret);
/** The secret's code of the step after the one of `epoch` (milliseconds). */
const nextStepCode = (secret: string, epoch: number) => authenticator.clone({ epoch: epoch + 30_000 }).generate(secret);
/** A 6-digit code that is none of the secret's codes around now. */
const wrongCode = (secret: string) => ['000000', '111111', '222222', '333333'].find((code) => ![-30, 0, 30].some((offset) => codeAt(secret, offset) === code))!;
const reload = async (user: User) => (await User.findByPk(user.id))!;

/** A staff user with TOTP, enrolled with `enrolmentCode` (the code of the step of `enrolledAt`). */
async function enrolledStaff() {
  const user = await buildUser({ role: 'staff' });
  const { secret } = await prepareTwoFactorEnrolment({ user });
  const enrolledAt = Date.now();
  const enrolmentCode = authenticator.clone({ epoch: enrolledAt }).generate(secret);
  const { recoveryCodes } = await confirmTwoFactorEnrolment({ user, code: enrolmentCode });
  return { user: await reload(user), secret, recoveryCodes, enrolmentCode, enrolledAt };
}

describe('staff two-factor authentication', () => {
  it('keeps the secret encrypted, shows the same pending secret until confirmed, and refuses a wrong confirmation code', async () => {
    const user = await buildUser({ role: 'staff' });
    const first = await prepareTwoFactorEnrolment({ user });
    expect(first.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(first.uri).toContain(`secret=${first.secret}`);
    const stored = await reload(user);
    expect(stored.totpSecret).not.toContain(first.secret);
    expect((await prepareTwoFactorEnrolment({ user: stored })).secret).toBe(first.secret);
    await expect(confirmTwoFactorEnrolment({ user: stored, code: wrongCode(first.secret) })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await reload(user)).totpEnabledAt).toBeNull();
  });

  it('asks for a second factor after the right password, and accepts each TOTP code once', async () => {
    const { user, secret, enrolmentCode, enrolledAt } = await enrolledStaff();
    const password = await signIn({ email: user.email, password: TEST_PASSWORD });
    expect(password).toMatchObject({ ok: true, secondFactorRequired: true });
    // the enrolment used its step's code already: that very code is refused, the next step's is accepted once
    // (both are taken from the enrolment's time, not from now, so a 30 s step boundary in between changes nothing)
    expect(await verifyStaffSecondFactor({ user, code: enrolmentCode })).toMatchObject({ ok: false, reason: 'invalid_code' });
    const next = nextStepCode(secret, enrolledAt);
    expect(await verifyStaffSecondFactor({ user: await reload(user), code: next })).toEqual({ ok: true, method: 'totp' });
    expect(await verifyStaffSecondFactor({ user: await reload(user), code: next })).toMatchObject({ ok: false, reason: 'invalid_code' });
  });

  it('accepts each recovery code once, typed in any case, and audits its use', async () => {
    const { user, recoveryCodes } = await enrolledStaff();
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[3]!;
    expect(await verifyStaffSecondFactor({ user, code: code.toUpperCase().replace('-', ' ') })).toEqual({ ok: true, method: 'recovery_code' });
    expect(await verifyStaffSecondFactor({ user, code })).toMatchObject({ ok: false, reason: 'invalid_code' });
    expect((await reload(user)).recoveryCodes).toHaveLength(9);
    const used = await AuditLogEntry.findOne({ where: { action: 'auth.recovery_code_used', targetId: user.id } });
    expect(used?.metadata).toEqual({ remaining: 9 });
  });

  it('locks the codes after repeated wrong ones, even the right code', async () => {
    const { user, secret } = await enrolledStaff();
    for (let i = 0; i < MAX_CODE_FAILURES - 1; i++) expect(await verifyStaffSecondFactor({ user, code: wrongCode(secret) })).toMatchObject({ reason: 'invalid_code' });
    expect(await verifyStaffSecondFactor({ user, code: 'zzzzz-zzzzz' })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await verifyStaffSecondFactor({ user, code: codeAt(secret, 30) })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await AuditLogEntry.count({ where: { action: 'auth.second_factor_locked', targetId: user.id } })).toBe(1);
  });

  it('makes new recovery codes and turns two-factor off only with the password', async () => {
    const { user, recoveryCodes } = await enrolledStaff();
    await expect(regenerateRecoveryCodes({ user, password: 'not my password' })).rejects.toMatchObject({ code: 'invalid_input' });
    const fresh = await regenerateRecoveryCodes({ user, password: TEST_PASSWORD });
    expect(await verifyStaffSecondFactor({ user, code: recoveryCodes[0]! })).toMatchObject({ ok: false });
    expect(await verifyStaffSecondFactor({ user, code: fresh[0]! })).toMatchObject({ ok: true });

    await expect(disableTwoFactor({ user: await reload(user), password: 'not my password' })).rejects.toMatchObject({ code: 'invalid_input' });
    const before = (await reload(user)).sessionVersion;
    await disableTwoFactor({ user: await reload(user), password: TEST_PASSWORD });
    const after = await reload(user);
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodes: [] });
    expect(after.sessionVersion).toBe(before + 1);
    expect(await signIn({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ ok: true, secondFactorRequired: false });
  });

  it('requires the code for an API token sign-in of a user with two-factor', async () => {
    const { user, secret } = await enrolledStaff();
    await expect(signInWithToken({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(signInWithToken({ email: user.email, password: TEST_PASSWORD, code: wrongCode(secret) })).rejects.toMatchObject({ code: 'unauthorized' });
    const signed = await signInWithToken({ email: user.email, password: TEST_PASSWORD, code: codeAt(secret, 30) });
    expect(signed.token).toMatch(/^mlt_/);
  });
});
