import { createHmac, timingSafeEqual } from 'node:crypto';

import { WEBHOOK_TOLERANCE_SECONDS } from '../shared/contract';

export type SignatureCheck =
	| { valid: true }
	| { valid: false; reason: 'missing' | 'malformed' | 'mismatch' | 'expired' };

/**
 * Checks a delivery's `x-monoliet-signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256>`) against
 * HMAC-SHA256(secret, "<t>.<raw body>"), comparing in constant time. A timestamp more than the
 * tolerance away from `now` is refused, which bounds how long a captured delivery could be replayed.
 */
export function verifySignature({
	header,
	rawBody,
	secret,
	now,
}: {
	header: string | undefined;
	rawBody: Buffer;
	secret: string;
	now: number;
}): SignatureCheck {
	if (!header) return { valid: false, reason: 'missing' };
	const fields = header.split(',').map((part) => part.trim().split('='));
	const timestamp = fields.find(([key]) => key === 't')?.[1];
	const signatures = fields.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value);
	if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) {
		return { valid: false, reason: 'malformed' };
	}
	const expected = createHmac('sha256', secret)
		.update(`${timestamp}.`)
		.update(rawBody)
		.digest();
	// several v1 values may come while the portal rotates a secret; any one of them may match
	const matches = signatures.some((signature) => {
		const given = Buffer.from(signature, 'hex');
		return given.length === expected.length && timingSafeEqual(given, expected);
	});
	if (!matches) return { valid: false, reason: 'mismatch' };
	if (Math.abs(now / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
		return { valid: false, reason: 'expired' };
	}
	return { valid: true };
}
