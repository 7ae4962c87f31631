import { checkPassword } from './password-policy';

describe('checkPassword', () => {
  const email = 'Ada.Lovelace@example.com';

  it('accepts a long, varied password', () => {
    expect(checkPassword({ password: 'correct horse battery', email })).toBeNull();
  });

  it('refuses a password shorter than 10 characters', () => {
    expect(checkPassword({ password: 'short1!', email })).toMatch(/at least 10/);
  });

  it('refuses the email address, in any case, as the password', () => {
    expect(checkPassword({ password: 'ada.lovelace@EXAMPLE.com', email })).toMatch(/email/);
    expect(checkPassword({ password: 'ADA.LOVELACE', email: 'ada.lovelace@example.com' })).toMatch(/email/);
  });

  it('refuses a repetitive password', () => {
    expect(checkPassword({ password: 'aaaaaaaaaaaa', email })).toMatch(/repetitive/);
  });
});
