import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

// TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. One step of clock
// drift either way is accepted, and the caller keeps the matched step so a code works only once.
const PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri({ secret, issuer, account }: { secret: string; issuer: string; account: string }): string {
  return generateURI({ issuer, label: account, secret });
}

/** The QR code of the URI as an SVG data URL, drawn here: no image service ever sees the secret. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The time step the code belongs to, or null when it is not a current code of this secret. */
export async function matchTotpStep({ secret, code, now = Date.now() }: { secret: string; code: string; now?: number }): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: PERIOD_SECONDS });
  if (!result.valid) return null;
  return Math.floor(epoch / PERIOD_SECONDS) + result.delta;
}
