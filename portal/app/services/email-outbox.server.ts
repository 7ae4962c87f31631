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
export async function listEmails({ search, status, cursor }: { search?: string; status?: EmailStatus; cursor?: string }): Promise<{ data: EmailListItem[]; nextCursor: string | null }> {
  const conditions: WhereOptions<Email>[] = [];
  if (status) conditions.push({ status });
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

export async function getEmail({ id }: { id: string }): Promise<EmailDetail> {
  const email = /^[0-9a-f-]{36}$/i.test(id) ? await Email.findByPk(id) : null;
  if (!email) throw new ApiError('not_found', 'Email not found');
  return { ...toListItem(email), html: email.html, text: email.text };
}
