import type { ApiRouteDef } from './api';
import { alertRoutes } from './alerts';
import { authRoutes } from './auth';
import { clientRoutes } from './clients';
import { jobRoutes } from './jobs';
import { syncRoutes } from './sync';
import { tokenRoutes } from './tokens';

/** Every route of /api/v1. Add a resource's routes here; the OpenAPI document and the tests follow. */
export const API_ROUTES: readonly ApiRouteDef[] = [authRoutes, tokenRoutes, clientRoutes, alertRoutes, syncRoutes, jobRoutes].flatMap((group) => Object.values(group));
