import type { Caller } from './caller.server';
import { MAX_PAGE_SIZE } from '@monoliet/contract';
import { listClients } from '~/services/clients.server';
import { listInstances } from '~/services/n8n-instances.server';
import { listWorkflows } from '~/services/workflows.server';

// The choices of the staff pages' filter and assignment selects, through the same list services as the
// API. An agency has tens of clients and instances, so the first MAX_PAGE_SIZE (by name) are offered.

export type Option = { value: string; label: string };

export async function loadClientOptions(caller: Caller): Promise<Option[]> {
  const { data } = await listClients({ caller, query: { limit: MAX_PAGE_SIZE, order: 'companyName' } });
  return data.map((client) => ({ value: client.id, label: client.companyName }));
}

export async function loadInstanceOptions(caller: Caller): Promise<Option[]> {
  const { data } = await listInstances({ caller, query: { limit: MAX_PAGE_SIZE, order: 'name' } });
  return data.map((instance) => ({ value: instance.id, label: instance.name }));
}

/** The workflows of one client (or all), for the executions filter. */
export async function loadWorkflowOptions({ caller, clientId }: { caller: Caller; clientId?: string }): Promise<Option[]> {
  const { data } = await listWorkflows({ caller, query: { limit: MAX_PAGE_SIZE, order: 'name', client: clientId } });
  return data.map((workflow) => ({ value: workflow.id, label: workflow.client ? `${workflow.name} (${workflow.client.companyName})` : workflow.name }));
}
