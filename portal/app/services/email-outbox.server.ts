import { col, fn, Op, where as sqlWhere, type WhereOptions } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import { Email } from '~/models/index.server';
import { EMAIL_STATUSES } from '~/models/email.server';

export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export type EmailListItem = Pick<Email, 'id' | 'template' | 'toAddresses' | 'subject' | 'status' | 'attempts' | 'error' | 'sentAt' | 'createdAt'>;

const PAGE_SIZE = 50;

/** The mails the portal composed, newest first: the dev outbox and the sent/failed log (staff only). */
export async function listEmails({ search, status, cursor }: { search?: string; status?: EmailStatus; cursor?: string | null }): Promise<{ data: EmailListItem[]; nextCursor: string | null }> {
  const where: WhereOptions<Email>[] = [];
  if (status) where.push({ status });
  const term = search?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const recipients = fn('array_to_string', col('to_addresses'), ',');
    where.push({ [Op.or]: [{ subject: { [Op.iLike]: pattern } }, { template: { [Op.iLike]: pattern } }, sqlWhere(recipients, { [Op.iLike]: pattern })] });
  }
  const after = decodeCursor(cursor);
  if (after) where.push({ [Op.or]: [{ createdAt: { [Op.lt]: after.createdAt } }, { createdAt: after.createdAt, id: { [Op.lt]: after.id } }] });
  const rows = await Email.findAll({
    where: { [Op.and]: where },
    attributes: ['id', 'template', 'toAddresses', 'subject', 'status', 'attempts', 'error', 'sentAt', 'createdAt'],
    order: [['createdAt', 'DESC'], ['id', 'DESC']],
    limit: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

export async function getEmail({ id }: { id: string }): Promise<Email> {
  const email = /^[0-9a-f-]{36}$/i.test(id) ? await Email.findByPk(id) : null;
  if (!email) throw new ApiError('not_found', 'Email not found');
  return email;
}

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === 'string' && (EMAIL_STATUSES as readonly string[]).includes(value);
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') return null;
    return { createdAt: date, id };
  } catch {
    return null;
  }
}
