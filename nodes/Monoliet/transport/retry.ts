import { sleep } from 'n8n-workflow';

import type { MonolietContext, PortalOutcome, PortalRequest } from './index';
import { isTransientFailure, sendPortalRequest } from './index';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 8000;
const ATTEMPT_TIMEOUT_MS = 10_000;
const MIN_TIMEOUT_MS = 2000;

export type RetriedOutcome = PortalOutcome & { attempts: number };

/**
 * Sends a request, and while the portal is unreachable (no answer, a timeout, 408/429/5xx) tries again
 * with a doubling pause, for about `retryForMs` in all (plus one attempt's timeout at most). A rejection
 * (another 4xx) is final at once.
 */
export async function sendPortalRequestWithRetry(
	this: MonolietContext,
	{ request, retryForMs }: { request: PortalRequest; retryForMs: number },
): Promise<RetriedOutcome> {
	const startedAt = Date.now();
	let paused = 0;
	// the pauses alone also count, so the bound holds however long each attempt took
	const remaining = () => retryForMs - Math.max(Date.now() - startedAt, paused);
	let delay = FIRST_DELAY_MS;
	for (let attempts = 1; ; attempts++) {
		const timeout =
			attempts === 1 ? ATTEMPT_TIMEOUT_MS : Math.max(MIN_TIMEOUT_MS, Math.min(ATTEMPT_TIMEOUT_MS, remaining()));
		const outcome = await sendPortalRequest.call(this, { ...request, timeout });
		if (outcome.ok || !isTransientFailure(outcome)) return { ...outcome, attempts };
		const pause = Math.min(delay, remaining());
		if (pause <= 0) return { ...outcome, attempts };
		await sleep(pause);
		paused += pause;
		delay = Math.min(delay * 2, MAX_DELAY_MS);
	}
}
