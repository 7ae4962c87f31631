import { auditRoutes } from '@monoliet/contract';
import { apiResource, endpoint } from '~/lib/api.server';
import { listAuditLog } from '~/services/audit-log.server';

const resource = apiResource({
  GET: endpoint(auditRoutes.list, ({ caller, query }) => listAuditLog({ caller, query })),
});

export const loader = resource.loader;
export const action = resource.action;
