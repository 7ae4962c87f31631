import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';

/**
 * How the portal tells this n8n apart from others: the credential's "Instance Identity", or else this
 * n8n's base URL. The portal keys stored runs by it and the execution id.
 */
export async function getInstanceIdentity(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const { instance } = await this.getCredentials<{ instance?: string }>(CREDENTIAL_TYPE);
	const identity = normalizeInstanceIdentity(instance?.trim() || this.getInstanceBaseUrl());
	if (!identity) {
		throw new NodeOperationError(this.getNode(), 'This n8n has no base URL to identify it by', {
			description: 'Set "Instance Identity" in the Monoliet API credential.',
			itemIndex,
		});
	}
	return identity;
}

/** One spelling per instance: `https://N8N.example.com/` and `https://n8n.example.com` are the same. */
function normalizeInstanceIdentity(value: string): string {
	const trimmed = value.trim();
	try {
		const url = new URL(trimmed);
		if (url.protocol === 'http:' || url.protocol === 'https:') {
			return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
		}
	} catch {
		// not a URL: an identity the user chose, kept as written
	}
	return trimmed;
}
