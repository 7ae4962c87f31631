import type { Caller } from '~/lib/caller.server';
import { clientScopeOf } from '~/lib/policy.server';
import { Alert, Workflow } from '~/models/index.server';
import type { AlertKind } from '~/models/alert.server';

export type OpenAlert = { id: string; kind: AlertKind; message: string; count: number; openedAt: string; workflow: { id: string; name: string } };

/** Open alerts (raised by the health checks) on the workflows the caller may see, newest first. */
export async function listOpenAlerts({ caller, limit = 10 }: { caller: Caller; limit?: number }): Promise<OpenAlert[]> {
  const own = clientScopeOf(caller);
  const alerts = await Alert.findAll({
    where: { resolvedAt: null },
    include: [{ model: Workflow, as: 'workflow', attributes: ['id', 'name'], where: own ? { clientId: own } : {}, required: true }],
    order: [['openedAt', 'DESC']],
    limit,
  });
  return alerts.map(toOpenAlert);
}

/** An open alert and its workflow (a model instance or a plain row) as the pages show it. */
export function toOpenAlert(alert: Pick<Alert, 'id' | 'kind' | 'message' | 'count' | 'openedAt'> & { workflow?: Pick<Workflow, 'id' | 'name'> }): OpenAlert {
  return {
    id: alert.id,
    kind: alert.kind,
    message: alert.message,
    count: alert.count,
    openedAt: alert.openedAt.toISOString(),
    workflow: { id: alert.workflow!.id, name: alert.workflow!.name },
  };
}
