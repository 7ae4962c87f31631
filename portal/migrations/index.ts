import type { Migration } from './types';
import * as createAccounts from './2026.11.25T14.00.00.create-accounts';
import * as createWorkflowsAndRuns from './2026.11.25T14.00.01.create-workflows-and-runs';
import * as createBillingAndSupport from './2026.11.25T14.00.02.create-billing-and-support';
import * as createMessaging from './2026.11.25T14.00.03.create-messaging';
import * as backgroundWork from './2026.11.25T15.30.00.background-work';
import * as addInvoiceNumberOrder from './2026.11.25T15.41.07.add-invoice-number-order';
import * as wipeRevokedCredentials from './2026.11.25T16.17.30.wipe-revoked-credentials';
import * as orderTicketEvents from './2026.11.25T16.17.31.order-ticket-events';
import * as createLoginRateLimits from './2026.11.25T16.41.07.create-login-rate-limits';
import * as staffTwoFactor from './2026.11.25T17.30.00.staff-two-factor';
import * as clientDailyRollups from './2026.11.26T00.00.00.client-daily-rollups';
import * as rollupFillfactor from './2026.11.26T05.00.00.rollup-fillfactor';
import * as runWorkflowInstanceKey from './2026.11.26T08.00.00.run-workflow-instance-key';
import * as clientSumsByIngest from './2026.11.26T11.00.00.client-sums-by-ingest';

// Listed statically (not globbed) so that every bundle and the CLI see the same, ordered list.
export const migrations: { name: string; up: Migration; down: Migration }[] = [
  { name: '2026.11.25T14.00.00.create-accounts', ...createAccounts },
  { name: '2026.11.25T14.00.01.create-workflows-and-runs', ...createWorkflowsAndRuns },
  { name: '2026.11.25T14.00.02.create-billing-and-support', ...createBillingAndSupport },
  { name: '2026.11.25T14.00.03.create-messaging', ...createMessaging },
  { name: '2026.11.25T15.30.00.background-work', ...backgroundWork },
  { name: '2026.11.25T15.41.07.add-invoice-number-order', ...addInvoiceNumberOrder },
  { name: '2026.11.25T16.17.30.wipe-revoked-credentials', ...wipeRevokedCredentials },
  { name: '2026.11.25T16.17.31.order-ticket-events', ...orderTicketEvents },
  { name: '2026.11.25T16.41.07.create-login-rate-limits', ...createLoginRateLimits },
  { name: '2026.11.25T17.30.00.staff-two-factor', ...staffTwoFactor },
  { name: '2026.11.26T00.00.00.client-daily-rollups', ...clientDailyRollups },
  { name: '2026.11.26T05.00.00.rollup-fillfactor', ...rollupFillfactor },
  { name: '2026.11.26T08.00.00.run-workflow-instance-key', ...runWorkflowInstanceKey },
  { name: '2026.11.26T11.00.00.client-sums-by-ingest', ...clientSumsByIngest },
];
