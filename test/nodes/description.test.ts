// The node's choices follow the contract: every status, priority, type and payment method the API knows
// is offered, and nothing else; every operation offered is routed to an implementation.
import {
  CLIENT_STATUSES,
  ClientListQuerySchema,
  EXECUTION_STATUSES,
  ExecutionListQuerySchema,
  INVOICE_STATUSES,
  INVOICE_TYPES,
  InvoiceListQuerySchema,
  PAYMENT_METHODS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TicketListQuerySchema,
  WORKFLOW_STATUSES,
  WorkflowListQuerySchema,
} from '@monoliet/contract';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { Monoliet } from '../../nodes/Monoliet/Monoliet.node';
import { getOperation } from '../../nodes/Monoliet/actions/router';
import { fakeExecuteFunctions } from './helpers/fake-n8n';

const { properties } = new Monoliet().description;

/** The values of an options parameter (top level or inside a collection) shown for a resource and operation. */
function valuesOf({ resource, operation, name }: { resource: string; operation: string; name: string }): unknown[] {
  const shown = properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions.show.operation?.includes(operation));
  const nested = shown.flatMap((p) => (p.type === 'collection' ? (p.options as INodeProperties[]) : [p]));
  const property = nested.find((p) => p.name === name);
  if (!property) throw new Error(`${resource} ${operation} has no parameter ${name}`);
  return (property.options as INodePropertyOptions[]).map((o) => o.value).sort();
}

const sorted = (values: readonly string[]) => [...values].sort();
const orders = (schema: { shape: { order: { unwrap(): { options: readonly string[] } } } }) => sorted(schema.shape.order.unwrap().options);

describe('Monoliet node description', () => {
  it.each([
    ['ticket', 'getAll', 'status', TICKET_STATUSES],
    ['ticket', 'getAll', 'priority', TICKET_PRIORITIES],
    ['ticket', 'update', 'status', TICKET_STATUSES],
    ['ticket', 'create', 'priority', TICKET_PRIORITIES],
    ['invoice', 'getAll', 'status', INVOICE_STATUSES],
    ['invoice', 'getAll', 'type', INVOICE_TYPES],
    ['invoice', 'create', 'type', INVOICE_TYPES],
    ['invoice', 'markPaid', 'method', PAYMENT_METHODS],
    ['client', 'getAll', 'status', CLIENT_STATUSES],
    ['execution', 'getAll', 'status', EXECUTION_STATUSES],
    ['workflow', 'getAll', 'status', WORKFLOW_STATUSES],
  ])('offers every %s %s %s the contract knows', (resource, operation, name, values) => {
    expect(valuesOf({ resource, operation, name })).toEqual(sorted(values));
  });

  it('offers exactly the sort orders of the list routes', () => {
    expect(valuesOf({ resource: 'ticket', operation: 'getAll', name: 'order' })).toEqual(orders(TicketListQuerySchema));
    expect(valuesOf({ resource: 'invoice', operation: 'getAll', name: 'order' })).toEqual(orders(InvoiceListQuerySchema));
    expect(valuesOf({ resource: 'client', operation: 'getAll', name: 'order' })).toEqual(orders(ClientListQuerySchema));
    expect(valuesOf({ resource: 'execution', operation: 'getAll', name: 'order' })).toEqual(orders(ExecutionListQuerySchema));
    expect(valuesOf({ resource: 'workflow', operation: 'getAll', name: 'order' })).toEqual(orders(WorkflowListQuerySchema));
  });

  it('routes every operation it offers', () => {
    const offered = properties
      .filter((p) => p.name === 'operation')
      .flatMap((p) => p.displayOptions!.show!.resource!.flatMap((resource) => (p.options as INodePropertyOptions[]).map((o) => ({ resource, operation: o.value }))));
    const resources = (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) => o.value);
    expect(new Set(offered.map((o) => o.resource))).toEqual(new Set(resources));
    for (const { resource, operation } of offered) {
      const { context } = fakeExecuteFunctions({ parameters: { resource, operation } });
      expect(() => getOperation.call(context)).not.toThrow();
    }
  });

  it('offers every resource and operation the issue lists', () => {
    const offered = Object.fromEntries(
      properties.filter((p) => p.name === 'operation').map((p) => [p.displayOptions!.show!.resource![0], (p.options as INodePropertyOptions[]).map((o) => o.name).sort()]),
    );
    expect(offered).toEqual({
      client: ['Get', 'Get Many', 'Get Me'],
      execution: ['Get Many', 'Get Stats', 'Report', 'Report Error'],
      invoice: ['Create', 'Get', 'Get Many', 'Mark Paid'],
      ticket: ['Add Comment', 'Create', 'Get', 'Get Many', 'Resolve', 'Update'],
      workflow: ['Activate', 'Deactivate', 'Get', 'Get Many'],
    });
    expect(new Monoliet().description.usableAsTool).toBe(true);
  });

  it('describes every operation for people and AI agents', () => {
    const options = properties.filter((p) => p.name === 'operation').flatMap((p) => p.options as INodePropertyOptions[]);
    for (const option of options) {
      expect(option.description).toMatch(/\w{3,}/);
      expect(option.action).toMatch(/\w{3,}/);
    }
  });
});
