import type { JobDefinition } from '~/lib/jobs/boss.server';
import { deliverEmail } from '~/services/emails.server';
import { deliverWebhook } from '~/services/webhook-sending.server';

export const emailJob: JobDefinition<'email'> = {
  queue: 'email',
  workers: 2,
  batchSize: 5,
  run: ({ emailId }, { isFinalAttempt }) => deliverEmail({ emailId, isFinalAttempt }),
};

export const webhookJob: JobDefinition<'webhook'> = {
  queue: 'webhook',
  workers: 2,
  batchSize: 5,
  run: ({ deliveryId }, { isFinalAttempt }) => deliverWebhook({ deliveryId, isFinalAttempt }),
};
