import type { ApiRouteDef } from './api';
import { authRoutes } from './auth';
import { clientRoutes } from './clients';
import { executionRoutes } from './executions';
import { invoiceRoutes } from './invoices';
import { tokenRoutes } from './tokens';
import { workflowRoutes } from './workflows';

/** Every route of /api/v1. Add a resource's routes here; the OpenAPI document and the tests follow. */
export const API_ROUTES: readonly ApiRouteDef[] = [authRoutes, tokenRoutes, clientRoutes, workflowRoutes, executionRoutes, invoiceRoutes].flatMap((group) => Object.values(group));
