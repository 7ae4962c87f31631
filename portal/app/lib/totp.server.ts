import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. One step of clock
// drift either way is accepted, and the caller keeps the matched step so a code works only once.
const PERIOD_SECONDS = 30;
const SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends

export function createTotpSecret(): string {
  return authenticator.generateSecret(SECRET_BYTES);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri({ secret, issuer, account }: { secret: string; issuer: string; account: string }): string {
  return authenticator.keyuri(account, issuer, secret);
}

/** The QR code of the URI as an SVG data URL, drawn here: no image service ever sees the secret. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The time step the code belongs to, or null when it is not a current code of this secret. */
export function matchTotpStep({ secret, code, now = Date.now() }: { secret: string; code: string; now?: number }): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = authenticator.clone({ window: 1, epoch: now }).checkDelta(token, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}
