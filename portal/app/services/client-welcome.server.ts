import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { clientWelcome } from '~/lib/email/templates';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb } from '~/models/index.server';
import { recordAudit } from './audit.server';
import type { BulkOutcome } from './clients.server';
import { queueEmails } from './emails.server';
import { getEmailBranding } from './recipients.server';

/**
 * Staff bulk action "Send the welcome email": one mail to each selected client's contact email, queued in
 * this transaction (so nothing is sent if it rolls back), audited as client.welcome_email. Churned clients are skipped.
 */
export async function sendWelcomeEmails({ caller, ids }: { caller: Caller; ids: string[] }): Promise<BulkOutcome> {
  assertStaff(caller);
  return getDb().transaction(async (transaction) => {
    const clients = await Client.findAll({ where: { id: ids }, order: [['id', 'ASC']], transaction });
    if (clients.length !== new Set(ids).size) throw new ApiError('not_found', 'One of the selected clients no longer exists');
    const outcome: BulkOutcome = { changed: [], skipped: [] };
    for (const client of clients) {
      if (client.status === 'churned') {
        outcome.skipped.push(client.id);
        continue;
      }
      await queueWelcomeEmail({ client }, transaction);
      await recordAudit({ actor: actorOf(caller), action: 'client.welcome_email', target: { type: 'client', id: client.id }, clientId: client.id, metadata: { to: client.email } }, transaction);
      outcome.changed.push(client.id);
    }
    return outcome;
  });
}

/** The mail itself, to the client's contact email, recorded in the outbox and queued in `transaction`. */
async function queueWelcomeEmail({ client }: { client: Client }, transaction: Transaction): Promise<void> {
  const branding = await getEmailBranding(transaction);
  const rendered = clientWelcome({ branding, client: { companyName: client.companyName, contactName: client.contactName, plan: client.plan } });
  await queueEmails([{ template: 'client-welcome', to: [client.email], rendered, clientId: client.id }], transaction);
}
