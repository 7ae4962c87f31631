import type { Transaction } from 'sequelize';
import { actorOf, type Caller } from '~/lib/caller.server';
import { ApiError } from '~/lib/errors.server';
import { assertStaff } from '~/lib/policy.server';
import { Client, getDb } from '~/models/index.server';
import { recordAudit } from './audit.server';
import type { BulkOutcome } from './clients.server';

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

/**
 * The mail itself. The email templates, the outbox and the job queue come with the background work, which is
 * not in this build yet: until it is wired here (render a welcome template, queue it in `transaction`), staff
 * get this refusal and nothing is recorded.
 */
async function queueWelcomeEmail(_mail: { client: Client }, _transaction: Transaction): Promise<void> {
  throw new ApiError('unprocessable', 'Welcome emails cannot be sent yet: the email templates and job queue are not installed in this portal build');
}
