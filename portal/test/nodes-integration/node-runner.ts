// Runs the Monoliet nodes against the real portal process: the same fake n8n contexts as the node unit
// tests (test/nodes/helpers), whose HTTP is real fetch, with a Monoliet API credential for this portal.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { fakeHookFunctions, fakeLoadOptionsFunctions, type ExecuteOptions } from '../../../test/nodes/helpers/fake-n8n';
import { runMonoliet } from '../../../test/nodes/helpers/run-node';

export { locator } from '../../../test/nodes/helpers/fake-n8n';

/**
 * Starting a portal process compiles it with tsx; on a machine busy with other test files that can take
 * well over the helper's default 30 s, and a slow start is not what these tests are about.
 */
export const PORTAL_START_MS = 90_000;
export const SETUP_TIMEOUT_MS = 120_000;

/** What a Monoliet API credential holds: this portal's URL and a real token. */
export type Caller = { url: string; token: string; instance?: string };

/** What a Monoliet API credential holds: this portal's URL, a real token and the optional instance identity. */
export function credentialFor({ url, token, instance = '' }: Caller) {
  return { url, apiToken: token, instance };
}

export async function runNode(caller: Caller, options: Omit<ExecuteOptions, 'credentials'>): Promise<INodeExecutionData[]> {
  const { output } = await runMonoliet({ ...options, credentials: credentialFor(caller) });
  return output;
}

/** The context of a resource locator's list search. */
export function loadOptionsContext(caller: Caller) {
  return fakeLoadOptionsFunctions({ credentials: credentialFor(caller) });
}

export function hookContext({ url, token, events, staticData, webhookUrl }: { url: string; token: string; events: string[]; staticData: IDataObject; webhookUrl: string }) {
  return fakeHookFunctions({ parameters: { events }, staticData, webhookUrl, credentials: credentialFor({ url, token }) }).context;
}
