import { isIP } from 'node:net';
import { z } from 'zod';

// TRUST_PROXY becomes express's `trust proxy` setting: "true" (any proxy), a hop count ("1"), or a
// comma-separated list of addresses, subnets and the names express knows. Anything else is refused at
// start instead of silently trusting nobody (or everybody).
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export type TrustProxy = boolean | number | string;

export const trustProxySetting = z.string().transform((value, ctx): TrustProxy => {
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const invalid = entries.filter((entry) => !NAMED_RANGES.has(entry) && !isAddressOrSubnet(entry));
  if (invalid.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `"${invalid.join('", "')}" is not an address, subnet, hop count, true/false or one of loopback, linklocal, uniquelocal`,
    });
    return z.NEVER;
  }
  return entries.join(',');
});

function isAddressOrSubnet(entry: string) {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
}
