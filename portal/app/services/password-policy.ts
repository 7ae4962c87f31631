export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Returns what is wrong with a new password, or null when it is acceptable. */
export function checkPassword({ password, email }: { password: string; email: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (lowered === address || lowered === address.split('@')[0]) return 'The password must not be your email address';
  if (new Set(password).size < 4) return 'Use a less repetitive password';
  return null;
}
