import type { Caller } from '~/lib/caller.server';
import { clientScopeOf } from '~/lib/policy.server';
import { Alert, Client, Workflow } from '~/models/index.server';
import type { AlertKind } from '~/models/alert.server';

export type FailingWorkflow = {
  alertId: string;
  kind: AlertKind;
  message: string;
  count: number;
  openedAt: string;
  lastNotifiedAt: string | null;
  workflow: { id: string; name: string };
  client: { id: string; companyName: string } | null;
};

/**
 * The workflows failing now: open alerts (raised by the health and error checks of the background jobs),
 * newest first, with their workflow and client. A client caller sees only its own client's.
 */
export async function listFailingWorkflows({ caller, limit = 20 }: { caller: Caller; limit?: number }): Promise<{ rows: FailingWorkflow[]; total: number }> {
  const own = clientScopeOf(caller);
  const include = [
    {
      model: Workflow,
      as: 'workflow',
      attributes: ['id', 'name', 'clientId'],
      where: own ? { clientId: own } : {},
      required: true,
      include: [{ model: Client, as: 'client', attributes: ['id', 'companyName'] }],
    },
  ];
  const { rows, count } = await Alert.findAndCountAll({ where: { resolvedAt: null }, include, order: [['openedAt', 'DESC'], ['id', 'DESC']], limit, distinct: true });
  return {
    total: count,
    rows: rows.map((alert) => ({
      alertId: alert.id,
      kind: alert.kind,
      message: alert.message,
      count: alert.count,
      openedAt: alert.openedAt.toISOString(),
      lastNotifiedAt: alert.lastNotifiedAt?.toISOString() ?? null,
      workflow: { id: alert.workflow!.id, name: alert.workflow!.name },
      client: alert.workflow!.client ? { id: alert.workflow!.client.id, companyName: alert.workflow!.client.companyName } : null,
    })),
  };
}
