import type { ApiRouteDef } from './api';
import { alertRoutes } from './alerts';
import { auditRoutes } from './audit-log';
import { authRoutes } from './auth';
import { clientRoutes } from './clients';
import { credentialRoutes } from './credentials';
import { executionRoutes } from './executions';
import { invoiceRoutes } from './invoices';
import { jobRoutes } from './jobs';
import { syncRoutes } from './sync';
import { ticketRoutes } from './tickets';
import { n8nInstanceRoutes } from './n8n-instances';
import { settingsRoutes } from './settings';
import { tokenRoutes } from './tokens';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';
import { workflowRoutes } from './workflows';

/** Every route of /api/v1. Add a resource's routes here; the OpenAPI document and the tests follow. */
export const API_ROUTES: readonly ApiRouteDef[] = [
  authRoutes,
  tokenRoutes,
  clientRoutes,
  workflowRoutes,
  executionRoutes,
  invoiceRoutes,
  ticketRoutes,
  credentialRoutes,
  userRoutes,
  n8nInstanceRoutes,
  settingsRoutes,
  auditRoutes,
  webhookRoutes,
  alertRoutes,
  syncRoutes,
  jobRoutes,
].flatMap((group) => Object.values(group));
