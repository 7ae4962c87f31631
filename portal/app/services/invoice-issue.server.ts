import type { InvoiceCreate, InvoiceDto } from '@monoliet/contract';
import { Op, type Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb, Invoice } from '~/models/index.server';
import { recordAudit } from './audit.server';
import { todayUtc, toInvoiceDto } from './invoice-dto';
import { notifyInvoiceCreated } from './invoice-notifications.server';
import { planInvoiceFor, type Period } from './invoice-plan';
import { addDays, createInvoice } from './invoices.server';

/**
 * Staff issue an invoice: the number comes from the year's counter, a "monthly" invoice without lines is
 * filled from the client's plan, and a monthly invoice never bills a period that another one already bills.
 */
export async function issueInvoice({ caller, input }: { caller: Caller; input: InvoiceCreate }): Promise<InvoiceDto> {
  assertStaff(caller);
  return getDb().transaction(async (transaction) => {
    // locking the client makes the period check and the insert atomic against a second issuer; NO KEY
    // UPDATE still lets other transactions insert rows that reference the client (no deadlock with them)
    const client = await Client.findByPk(input.clientId, { transaction, lock: transaction.LOCK.NO_KEY_UPDATE });
    if (!client) throw new ApiError('invalid_input', 'There is no client with this id', { clientId: ['no client with this id'] });
    if (!input.lines && input.currency && input.currency !== client.currency) {
      throw new ApiError('invalid_input', `The plan fee is in ${client.currency}; add lines to bill in ${input.currency}`, {
        currency: [`a plan invoice is in the client's currency (${client.currency})`],
      });
    }
    const issueDate = input.issueDate ?? todayUtc();
    const given = input.periodStart && input.periodEnd ? { start: input.periodStart, end: input.periodEnd } : undefined;
    const { lines, period } = input.lines ? { lines: input.lines, period: given } : planInvoiceFor({ client, issueDate, period: given });
    if (input.type === 'monthly' && period) await assertPeriodNotBilled({ clientId: client.id, period, transaction });

    const invoice = await createInvoice(
      { clientId: client.id, type: input.type, lines, currency: input.currency, issueDate, dueDate: input.dueDate, periodStart: period?.start, periodEnd: period?.end, notes: input.notes },
      transaction,
    );
    if (input.type === 'monthly' && period) await advanceNextBillingDate({ client, period, transaction });
    await recordAudit(
      {
        actor: actorOf(caller),
        action: 'invoice.create',
        target: { type: 'invoice', id: invoice.id },
        clientId: client.id,
        metadata: { number: invoice.number, total: invoice.amount, currency: invoice.currency, fromPlan: !input.lines },
      },
      transaction,
    );
    await notifyInvoiceCreated({ invoiceId: invoice.id }, transaction);
    return toInvoiceDto(invoice, { clientName: client.companyName, today: todayUtc() });
  });
}

async function assertPeriodNotBilled({ clientId, period, transaction }: { clientId: string; period: Period; transaction: Transaction }) {
  const other = await Invoice.findOne({
    where: { clientId, type: 'monthly', status: { [Op.ne]: 'void' }, periodStart: { [Op.lte]: period.end }, periodEnd: { [Op.gte]: period.start } },
    attributes: ['number', 'periodStart', 'periodEnd'],
    transaction,
  });
  if (other) {
    throw new ApiError('conflict', `${other.number} already bills ${other.periodStart} to ${other.periodEnd}; void it first to bill this period again`, {
      periodStart: [`overlaps ${other.number}`],
    });
  }
}

/** After billing a period, the client's next billing date moves to the day after it (never backwards). */
async function advanceNextBillingDate({ client, period, transaction }: { client: Client; period: Period; transaction: Transaction }) {
  const next = addDays({ day: period.end, days: 1 });
  if (client.nextBillingDate && client.nextBillingDate >= next) return;
  await client.update({ nextBillingDate: next }, { transaction });
}
