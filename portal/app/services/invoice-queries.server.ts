import type { InvoiceDto, InvoiceListQuery, InvoiceSummaryDto, Page } from '@monoliet/contract';
import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { assertClientAccess, clientScopeOf } from '~/lib/policy.server';
import { Client, getDb, Invoice } from '~/models/index.server';
import { todayUtc, toInvoiceDto, toInvoiceSummaryDto } from './invoice-dto';

// Reading invoices: staff see every client's, a client user or token only its own client's; another
// client's invoice is "not found".

const ORDER_FIELDS: Record<string, string> = { issueDate: 'issueDate', dueDate: 'dueDate', number: 'numberOrder' };

export async function listInvoices({ caller, query }: { caller: Caller; query: InvoiceListQuery }): Promise<Page<InvoiceSummaryDto>> {
  const today = todayUtc();
  const order = parseOrder(query.order);
  const page = await paginate({
    model: Invoice,
    where: listFilters({ own: clientScopeOf(caller), query, today }),
    order: { field: ORDER_FIELDS[order.field]!, direction: order.direction },
    limit: query.limit,
    cursor: query.cursor,
    include: [{ model: Client, as: 'client', attributes: ['id', 'companyName'] }],
    attributes: { exclude: ['lines'] },
  });
  return { data: page.rows.map((invoice) => toInvoiceSummaryDto(invoice, { clientName: invoice.client!.companyName, today })), nextCursor: page.nextCursor };
}

function listFilters({ own, query, today }: { own: string | undefined; query: InvoiceListQuery; today: string }): WhereOptions<Invoice> {
  const filters: WhereOptions<Invoice>[] = [];
  if (own) filters.push({ clientId: own });
  if (query.client) filters.push({ clientId: query.client });
  if (query.status) filters.push({ status: { [Op.in]: query.status } });
  if (query.type) filters.push({ type: query.type });
  if (query.issuedSince) filters.push({ issueDate: { [Op.gte]: query.issuedSince } });
  if (query.issuedUntil) filters.push({ issueDate: { [Op.lte]: query.issuedUntil } });
  if (query.overdue === true) filters.push({ [Op.or]: [{ status: 'overdue' }, { status: 'pending', dueDate: { [Op.lt]: today } }] });
  if (query.overdue === false) filters.push({ [Op.or]: [{ status: { [Op.in]: ['paid', 'void'] } }, { status: 'pending', dueDate: { [Op.gte]: today } }] });
  return { [Op.and]: filters };
}

/** The invoice row and its client, after the access check. */
export async function findInvoiceFor({ caller, id }: { caller: Caller; id: string }): Promise<{ invoice: Invoice; client: Client }> {
  const invoice = await Invoice.findByPk(id, { include: [{ model: Client, as: 'client' }] });
  if (!invoice) throw new ApiError('not_found', 'Invoice not found');
  assertClientAccess({ caller, clientId: invoice.clientId, notFound: 'Invoice not found' });
  return { invoice, client: invoice.client! };
}

export async function getInvoice({ caller, id }: { caller: Caller; id: string }): Promise<InvoiceDto> {
  const { invoice, client } = await findInvoiceFor({ caller, id });
  return toInvoiceDto(invoice, { clientName: client.companyName, today: todayUtc() });
}

export type OutstandingTotal = { currency: string; amountDue: string; count: number; overdueAmount: string; overdueCount: number; nextDueDate: string | null };

/** What is still to be paid, per currency (amounts of different currencies are never added up); staff may name one client. */
export async function summarizeOutstanding({ caller, client }: { caller: Caller; client?: string }): Promise<OutstandingTotal[]> {
  const own = clientScopeOf(caller) ?? client ?? null;
  const rows = await getDb().query<{ currency: string; amount_due: string; count: string; overdue_amount: string; overdue_count: string; next_due_date: string | null }>(
    `SELECT currency,
            sum(amount)::numeric(14, 2)::text AS amount_due,
            count(*)::text AS count,
            coalesce(sum(amount) FILTER (WHERE status = 'overdue' OR due_date < $2::date), 0)::numeric(14, 2)::text AS overdue_amount,
            count(*) FILTER (WHERE status = 'overdue' OR due_date < $2::date)::text AS overdue_count,
            (min(due_date) FILTER (WHERE status = 'pending' AND due_date >= $2::date))::text AS next_due_date
       FROM invoices
      WHERE status IN ('pending', 'overdue') AND ($1::uuid IS NULL OR client_id = $1::uuid)
      GROUP BY currency
      ORDER BY currency`,
    { bind: [own, todayUtc()], type: QueryTypes.SELECT },
  );
  return rows.map((row) => ({
    currency: row.currency,
    amountDue: row.amount_due,
    count: Number(row.count),
    overdueAmount: row.overdue_amount,
    overdueCount: Number(row.overdue_count),
    nextDueDate: row.next_due_date,
  }));
}

export type InvoiceTotals = { currency: string; count: number; total: string; amountDue: string };

/** The sum of every invoice a list query matches (all its pages), per currency: the totals row of the staff list. */
export async function summarizeInvoices({ caller, query }: { caller: Caller; query: InvoiceListQuery }): Promise<InvoiceTotals[]> {
  const db = getDb();
  const rows = (await Invoice.findAll({
    where: listFilters({ own: clientScopeOf(caller), query, today: todayUtc() }),
    attributes: [
      'currency',
      [db.fn('count', db.col('id')), 'count'],
      [db.literal('sum(amount)::numeric(14, 2)::text'), 'total'],
      [db.literal("sum(amount) FILTER (WHERE status IN ('pending', 'overdue'))::numeric(14, 2)::text"), 'amountDue'],
    ],
    group: ['currency'],
    order: [['currency', 'ASC']],
    raw: true,
  })) as unknown as { currency: string; count: string; total: string; amountDue: string | null }[];
  return rows.map((row) => ({ currency: row.currency, count: Number(row.count), total: row.total, amountDue: row.amountDue ?? '0.00' }));
}
