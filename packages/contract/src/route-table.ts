import type { ApiRouteDef } from './api';
import { authRoutes } from './auth';
import { clientRoutes } from './clients';
import { credentialRoutes } from './credentials';
import { invoiceRoutes } from './invoices';
import { ticketRoutes } from './tickets';
import { tokenRoutes } from './tokens';

/** Every route of /api/v1. Add a resource's routes here; the OpenAPI document and the tests follow. */
export const API_ROUTES: readonly ApiRouteDef[] = [authRoutes, tokenRoutes, clientRoutes, invoiceRoutes, ticketRoutes, credentialRoutes].flatMap((group) =>
  Object.values(group),
);
