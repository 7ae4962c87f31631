import type { Transaction } from 'sequelize';
import { SupportTicket, TicketComment, TicketEvent, User, type Client, type Workflow } from '~/models/index.server';
import { SAMPLE_WORKFLOWS } from './catalog';

type SampleTicket = {
  client: string;
  workflow?: string;
  subject: string;
  description: string;
  priority: SupportTicket['priority'];
  status: SupportTicket['status'];
  daysAgo: number;
  replies: { staff: boolean; body: string; internal?: boolean }[];
};

const TICKETS: SampleTicket[] = [
  {
    client: 'acme-logistics', workflow: 'Invoice OCR → Xero', subject: 'Supplier invoices stopped arriving in Xero',
    description: 'Since this morning none of the scanned invoices show up in Xero. The inbox still receives them.',
    priority: 'urgent', status: 'in_progress', daysAgo: 0,
    replies: [
      { staff: true, body: 'Thanks Maria — we see the Xero connection failing with invalid_grant. We are re-authorising the app now.' },
      { staff: true, internal: true, body: 'Xero refresh token revoked after their password reset. Need a new OAuth consent from Maria.' },
    ],
  },
  {
    client: 'acme-logistics', subject: 'Add the Rotterdam warehouse to the stock sync',
    description: 'We opened a new warehouse in Rotterdam (code RTM-2). Can it be included in the hourly stock sync?',
    priority: 'medium', status: 'open', daysAgo: 3, replies: [],
  },
  {
    client: 'acme-logistics', workflow: 'Daily KPI report to Slack', subject: 'KPI report shows yesterday twice',
    description: 'On Monday the Slack report listed Sunday twice.', priority: 'low', status: 'resolved', daysAgo: 21,
    replies: [
      { staff: false, body: 'It happened again on the 1st of the month.' },
      { staff: true, body: 'Fixed: the report used local time for the date range. It now uses Europe/Berlin consistently.' },
    ],
  },
  {
    client: 'northwind-retail', workflow: 'Product feed to Google Merchant', subject: 'Merchant Center flags 120 products as missing GTIN',
    description: 'Google disapproved part of our feed. Could the feed send the EAN field as GTIN?', priority: 'high', status: 'open', daysAgo: 1, replies: [],
  },
  {
    client: 'northwind-retail', subject: 'Quote for a returns dashboard',
    description: 'We would like a weekly overview of returns by reason code.', priority: 'low', status: 'resolved', daysAgo: 40,
    replies: [{ staff: true, body: 'Quote sent by email (8 hours). Closing this ticket; reply here to reopen.' }],
  },
  {
    client: 'bluebird-dental', workflow: 'Appointment reminders via Twilio', subject: 'Reminder texts in English for Dutch patients',
    description: 'Patients with language NL still get the English text.', priority: 'medium', status: 'in_progress', daysAgo: 5,
    replies: [{ staff: true, body: 'We found the language field is empty for patients imported before May. Backfilling it now.' }],
  },
  {
    client: 'helios-energy', workflow: 'Solar forecast import', subject: 'Forecast import fails a few times a day',
    description: 'We get gaps in the forecast table in the afternoons.', priority: 'high', status: 'open', daysAgo: 2, replies: [],
  },
];

export async function loadSampleTickets({ clients, workflows, staff, now, t }: { clients: Map<string, Client>; workflows: Workflow[]; staff: User; now: Date; t: Transaction }) {
  for (const sample of TICKETS) {
    const client = clients.get(sample.client)!;
    const author = await User.findOne({ include: [{ association: 'membership', where: { clientId: client.id } }], transaction: t });
    const workflowIndex = SAMPLE_WORKFLOWS.findIndex((w) => w.name === sample.workflow);
    const createdAt = new Date(now.getTime() - sample.daysAgo * 86_400_000 - 3 * 3_600_000);
    const resolvedAt = sample.status === 'resolved' ? new Date(createdAt.getTime() + 26 * 3_600_000) : null;
    const ticket = await SupportTicket.create({
      clientId: client.id,
      createdById: author?.id ?? null,
      assigneeId: sample.status === 'open' ? null : staff.id,
      workflowId: workflowIndex >= 0 ? workflows[workflowIndex]!.id : null,
      subject: sample.subject,
      description: sample.description,
      priority: sample.priority,
      status: sample.status,
      resolvedAt,
      createdAt,
    }, { transaction: t });
    await TicketEvent.create({ ticketId: ticket.id, actorId: author?.id ?? null, kind: 'created', fromValue: null, toValue: 'open', at: createdAt }, { transaction: t });
    let at = createdAt.getTime();
    for (const reply of sample.replies) {
      at += 2 * 3_600_000;
      await TicketComment.create({ ticketId: ticket.id, authorId: reply.staff ? staff.id : (author?.id ?? null), body: reply.body, internal: reply.internal ?? false, createdAt: new Date(at) }, { transaction: t });
    }
    if (sample.status !== 'open') {
      await TicketEvent.create({ ticketId: ticket.id, actorId: staff.id, kind: 'status', fromValue: 'open', toValue: 'in_progress', at: new Date(createdAt.getTime() + 3_600_000) }, { transaction: t });
    }
    if (resolvedAt) {
      await TicketEvent.create({ ticketId: ticket.id, actorId: staff.id, kind: 'status', fromValue: 'in_progress', toValue: 'resolved', at: resolvedAt }, { transaction: t });
    }
  }
}
