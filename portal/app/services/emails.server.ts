import type { Transaction } from 'sequelize';
import { ApiError } from '~/lib/errors.server';
import type { RenderedEmail } from '~/lib/email/templates';
import { isSmtpConfigured, sendMail } from '~/lib/email/transport.server';
import { enqueueJob } from '~/lib/jobs/boss.server';
import { Email, getDb } from '~/models/index.server';
import { recordAudit, type Actor } from './audit.server';
import { uniqueAddresses } from './recipients.server';

export type QueuedEmail = { template: string; to: string[]; rendered: RenderedEmail; clientId: string | null };

/**
 * Records each mail in `emails` and enqueues its sending, in the caller's transaction: one row (and one
 * job) per recipient, so a refused address fails alone and recipients do not see each other.
 */
export async function queueEmails(emails: QueuedEmail[], transaction: Transaction): Promise<Email[]> {
  const rows: Email[] = [];
  for (const email of emails) {
    for (const to of uniqueAddresses(email.to)) {
      const row = await Email.create(
        { template: email.template, toAddresses: [to], ...email.rendered, status: 'queued', error: null, sentAt: null, clientId: email.clientId },
        { transaction },
      );
      await enqueueJob({ queue: 'email', data: { emailId: row.id }, transaction });
      rows.push(row);
    }
  }
  return rows;
}

export type DeliveryOutcome = 'sent' | 'outbox' | 'rejected' | 'skipped';

/**
 * The `email` job: sends one stored mail over SMTP, or files it in the outbox when SMTP_URL is not set.
 * The row is locked while sending, so two workers never send it twice; a sent mail is never sent again.
 * A refused recipient is final (status failed, no retry). Anything else throws after recording the
 * attempt, and pg-boss retries with backoff; the last attempt marks the mail failed.
 */
export async function deliverEmail({ emailId, isFinalAttempt }: { emailId: string; isFinalAttempt: boolean }): Promise<DeliveryOutcome> {
  let transientError: string | undefined;
  const outcome = await getDb().transaction(async (transaction) => {
    const email = await Email.findByPk(emailId, { transaction, lock: transaction.LOCK.UPDATE, skipLocked: true });
    if (!email || email.status === 'sent' || email.status === 'outbox') return 'skipped';
    if (!isSmtpConfigured()) {
      await email.update({ status: 'outbox', error: null }, { transaction });
      return 'outbox';
    }
    const result = await sendMail({ to: email.toAddresses, subject: email.subject, html: email.html, text: email.text });
    const attempts = email.attempts + 1;
    if (result.ok) {
      await email.update({ status: 'sent', sentAt: new Date(), attempts, error: null }, { transaction });
      return 'sent';
    }
    const final = result.error.kind === 'rejected' || isFinalAttempt;
    await email.update({ status: final ? 'failed' : 'queued', attempts, error: result.error.message }, { transaction });
    if (result.error.kind !== 'rejected') transientError = result.error.message;
    return 'rejected';
  });
  // thrown after the attempt is committed, so pg-boss retries (or dead-letters) the job
  if (transientError) throw new Error(`Mail not sent: ${transientError}`);
  return outcome;
}

/** Sends a failed mail again (staff, from the outbox page); the audit log says who did. */
export async function resendEmail({ emailId, actor }: { emailId: string; actor: Actor }): Promise<Email> {
  return getDb().transaction(async (transaction) => {
    const email = await Email.findByPk(emailId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!email) throw new ApiError('not_found', 'Email not found');
    if (email.status !== 'failed') throw new ApiError('conflict', 'Only a failed email can be sent again');
    await email.update({ status: 'queued', error: null }, { transaction });
    await enqueueJob({ queue: 'email', data: { emailId: email.id }, transaction });
    await recordAudit({ actor, action: 'email.resend', target: { type: 'email', id: email.id }, clientId: email.clientId, metadata: { template: email.template, to: email.toAddresses } }, transaction);
    return email;
  });
}
