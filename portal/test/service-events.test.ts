import { CredentialCreateSchema, InvoiceCreateSchema, TicketCreateSchema } from '@monoliet/contract';
import { Op } from 'sequelize';
import { callerFromSession } from '~/lib/caller.server';
import { Email, PortalSettings, WebhookDelivery, WebhookSubscription, type Client, type User } from '~/models/index.server';
import { submitCredential } from '~/services/credentials.server';
import { payInvoice } from '~/services/invoice-changes.server';
import { issueInvoice } from '~/services/invoice-issue.server';
import { sealSecret } from '~/services/secrets.server';
import { addTicketComment, reopenTicket, resolveTicket, updateTicket } from '~/services/ticket-changes.server';
import { createTicket } from '~/services/tickets.server';
import { buildClient, buildUser } from './factories';

// The services that change tickets, invoices and credentials publish their events in the same transaction:
// the emails of DESIGN.md section 7 land in the outbox (queued) and every matching webhook subscription gets
// one delivery. The delivery itself is tested in emails.test.ts and webhooks.test.ts.

let client: Client;
let maria: User;
let staff: User;
const asClient = () => callerFromSession({ user: maria, client });
const asStaff = () => callerFromSession({ user: staff, client: null });

beforeAll(async () => {
  await PortalSettings.update({ alertRecipients: ['alerts@agency.example'] }, { where: { id: 1 } });
  client = await buildClient({ email: 'contact@acme.example', billingEmail: 'billing@acme.example' });
  maria = await buildUser({ client, email: 'maria@acme.example' });
  staff = await buildUser({ role: 'staff', email: 'sam@agency.example' });
  const secretEncrypted = sealSecret({ kind: 'webhookSecret', plaintext: 'whsec_events_0123456789' });
  const events = ['ticket.created', 'ticket.updated', 'ticket.resolved', 'invoice.created', 'invoice.paid', 'credential.submitted'];
  await WebhookSubscription.create({ targetUrl: 'https://hooks.example/acme', events, secretEncrypted, clientId: client.id, createdById: null });
});

/** What `work` published: "template recipient" per email (sorted), and the webhook events in order. */
async function during(work: () => Promise<unknown>) {
  const [emailsBefore, deliveriesBefore] = await Promise.all([Email.findAll({ attributes: ['id'] }), WebhookDelivery.findAll({ attributes: ['id'] })]);
  await work();
  const emails = await Email.findAll({ where: { id: { [Op.notIn]: [NONE, ...emailsBefore.map((e) => e.id)] } } });
  const deliveries = await WebhookDelivery.findAll({ where: { id: { [Op.notIn]: [NONE, ...deliveriesBefore.map((d) => d.id)] } }, order: [['createdAt', 'ASC']] });
  return {
    emails: emails.flatMap((email) => email.toAddresses.map((to) => `${email.template} ${to}`)).sort(),
    webhooks: deliveries.map((delivery) => delivery.event),
    payloads: deliveries.map((delivery) => JSON.stringify(delivery.payload)),
  };
}
const NONE = '00000000-0000-0000-0000-000000000000';

describe('events published by the services', () => {
  it('a new ticket tells the client, the staff and the webhooks; a staff reply and resolving tell the client', async () => {
    let ticketId = '';
    const created = await during(async () => {
      ticketId = (await createTicket({ caller: asClient(), input: TicketCreateSchema.parse({ subject: 'Orders stopped', description: 'Since 9:00', priority: 'high' }) })).id;
    });
    expect(created.emails).toEqual(['ticket-created contact@acme.example', 'ticket-created maria@acme.example', 'ticket-created-staff alerts@agency.example']);
    expect(created.webhooks).toEqual(['ticket.created']);

    const note = await during(() => addTicketComment({ caller: asStaff(), id: ticketId, input: { body: 'Looks like the carrier API', internal: true } }));
    expect(note).toEqual({ emails: [], webhooks: [], payloads: [] });

    const reply = await during(() => addTicketComment({ caller: asStaff(), id: ticketId, input: { body: 'Fixed the token, please check', internal: false } }));
    expect(reply.emails).toEqual(['ticket-reply contact@acme.example', 'ticket-reply maria@acme.example']);
    expect(reply.webhooks).toEqual(['ticket.updated']);

    const priority = await during(() => updateTicket({ caller: asStaff(), id: ticketId, input: { priority: 'urgent' } }));
    expect(priority.emails).toEqual([]);
    expect(priority.webhooks).toEqual(['ticket.updated']);
    expect(priority.payloads[0]).toContain('"change":"priority"');

    const resolved = await during(() => resolveTicket({ caller: asStaff(), id: ticketId }));
    expect(resolved.emails).toEqual(['ticket-resolved contact@acme.example', 'ticket-resolved maria@acme.example']);
    expect(resolved.webhooks).toEqual(['ticket.resolved']);

    const reopened = await during(() => reopenTicket({ caller: asClient(), id: ticketId }));
    expect(reopened.emails).toEqual([]);
    expect(reopened.webhooks).toEqual(['ticket.updated']);
  });

  it('a refused change publishes nothing', async () => {
    const ticket = await createTicket({ caller: asClient(), input: TicketCreateSchema.parse({ subject: 'Twice resolved', description: 'x', priority: 'low' }) });
    await resolveTicket({ caller: asStaff(), id: ticket.id });
    const again = await during(() => expect(resolveTicket({ caller: asStaff(), id: ticket.id })).rejects.toThrow('already resolved'));
    expect(again).toEqual({ emails: [], webhooks: [], payloads: [] });
  });

  it('a new invoice mails the billing address; paying it calls the webhooks only', async () => {
    let invoiceId = '';
    const issued = await during(async () => {
      const input = InvoiceCreateSchema.parse({ clientId: client.id, type: 'additional', lines: [{ description: 'Extra hours', quantity: 2, unitAmount: '90.00' }] });
      invoiceId = (await issueInvoice({ caller: asStaff(), input })).id;
    });
    expect(issued.emails).toEqual(['invoice-created billing@acme.example']);
    expect(issued.webhooks).toEqual(['invoice.created']);

    const paid = await during(() => payInvoice({ caller: asStaff(), id: invoiceId, input: { method: 'bank_transfer' } }));
    expect(paid.emails).toEqual([]);
    expect(paid.webhooks).toEqual(['invoice.paid']);
  });

  it('a submitted credential calls the webhooks without its secret', async () => {
    const input = CredentialCreateSchema.parse({ serviceName: 'Shopify', credentialType: 'api_key', fields: { apiKey: 'shpat_super_secret_value' } });
    const submitted = await during(() => submitCredential({ caller: asClient(), input }));
    expect(submitted.webhooks).toEqual(['credential.submitted']);
    expect(submitted.payloads[0]).toContain('Shopify');
    expect(submitted.payloads[0]).not.toContain('shpat_super_secret_value');
  });
});
