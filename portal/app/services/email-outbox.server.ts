import { col, fn, Op, where as sqlWhere, type WhereOptions } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import { paginate } from '~/lib/pagination.server';
import { Email } from '~/models/index.server';
import { EMAIL_STATUSES } from '~/models/email.server';
import { escapeLike } from './clients.server';

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export type EmailListItem = { id: string; template: string; to: string[]; subject: string; status: EmailStatus; attempts: number; error: string | null; sentAt: string | null; createdAt: string };
export type EmailDetail = EmailListItem & { html: string; text: string };

const PAGE_SIZE = 50;

function toListItem(email: Email): EmailListItem {
  return {
    id: email.id,
    template: email.template,
    to: email.toAddresses,
    subject: email.subject,
    status: email.status,
    attempts: email.attempts,
    error: email.error,
    sentAt: email.sentAt?.toISOString() ?? null,
    createdAt: email.createdAt.toISOString(),
  };
}

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === 'string' && (EMAIL_STATUSES as readonly string[]).includes(value);
}

/** The mails the portal composed, newest first: the dev outbox and the sent/failed log (staff only). */
export async function listEmails({ search, status, clientId, cursor }: { search?: string; status?: EmailStatus; clientId?: string; cursor?: string }): Promise<{ data: EmailListItem[]; nextCursor: string | null }> {
  const conditions: WhereOptions<Email>[] = [];
  if (status) conditions.push({ status });
  if (clientId) conditions.push({ clientId });
  const term = search?.trim().slice(0, 200);
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push({ [Op.or]: [{ subject: { [Op.iLike]: pattern } }, { template: { [Op.iLike]: pattern } }, sqlWhere(fn('array_to_string', col('to_addresses'), ','), { [Op.iLike]: pattern })] });
  }
  const page = await paginate({
    model: Email,
    where: { [Op.and]: conditions },
    order: { field: 'createdAt', direction: 'DESC' },
    limit: PAGE_SIZE,
    cursor,
    attributes: ['id', 'template', 'toAddresses', 'subject', 'status', 'attempts', 'error', 'sentAt', 'createdAt'],
  });
  return { data: page.rows.map(toListItem), nextCursor: page.nextCursor };
}

/** How many mails are in each state (the tabs of the staff page). */
export async function countEmailsByStatus(): Promise<Record<EmailStatus, number>> {
  const rows = (await Email.findAll({ attributes: ['status', [fn('count', col('id')), 'count']], group: ['status'], raw: true })) as unknown as { status: EmailStatus; count: string }[];
  const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function getEmail({ id }: { id: string }): Promise<EmailDetail> {
  const email = /^[0-9a-f-]{36}$/i.test(id) ? await Email.findByPk(id) : null;
  if (!email) throw new ApiError('not_found', 'Email not found');
  return { ...toListItem(email), html: email.html, text: email.text };
}
