import type { AlertDto, AlertKind, AlertListQuery } from '@monoliet/contract';
import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import type { Caller } from '~/lib/caller.server';
import { paginate, parseOrder } from '~/lib/pagination.server';
import { clientScopeOf } from '~/lib/policy.server';
import { Alert, getDb, Workflow } from '~/models/index.server';

// Alerts: at most one open per workflow and kind (a partial unique index). While a workflow has an open
// alert its status is "error"; when the last one resolves it goes back to active or paused.

export type OpenedAlert = { alert: Alert; opened: boolean };

/** Opens the alert, or counts one more finding on the open one. `opened` is true only for the transaction that created it. */
export async function openAlert({ workflowId, kind, message, details, count = 1, notified = false }: { workflowId: string; kind: AlertKind; message: string; details: Record<string, unknown>; count?: number; notified?: boolean }, transaction: Transaction): Promise<OpenedAlert> {
  const [row] = await getDb().query<{ id: string; opened: boolean }>(
    `INSERT INTO alerts (workflow_id, kind, message, details, count, last_notified_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)
     ON CONFLICT (workflow_id, kind) WHERE resolved_at IS NULL
     DO UPDATE SET message = EXCLUDED.message, details = alerts.details || EXCLUDED.details, count = alerts.count + EXCLUDED.count, updated_at = now()
     RETURNING id, (xmax = 0) AS opened`,
    { bind: [workflowId, kind, message, JSON.stringify(details), count, notified], type: QueryTypes.SELECT, transaction },
  );
  if (row!.opened) await Workflow.update({ status: 'error' }, { where: { id: workflowId }, transaction });
  return { alert: (await Alert.findByPk(row!.id, { transaction }))!, opened: row!.opened };
}

/** Resolves an open alert; false when another process resolved it first. */
export async function resolveAlert({ alert, details = {} }: { alert: Alert; details?: Record<string, unknown> }, transaction: Transaction): Promise<boolean> {
  const [affected] = await Alert.update({ resolvedAt: new Date(), details: { ...alert.details, ...details } }, { where: { id: alert.id, resolvedAt: null }, transaction });
  if (affected === 0) return false;
  await alert.reload({ transaction });
  const stillOpen = await Alert.count({ where: { workflowId: alert.workflowId, resolvedAt: null }, transaction });
  if (stillOpen === 0) {
    await getDb().query(`UPDATE workflows SET status = CASE WHEN active THEN 'active' ELSE 'paused' END WHERE id = $1 AND status = 'error'`, { bind: [alert.workflowId], transaction });
  }
  return true;
}

export function toAlertDto(alert: Alert): AlertDto {
  return {
    id: alert.id,
    workflowId: alert.workflowId,
    workflowName: alert.workflow?.name ?? '',
    clientId: alert.workflow?.clientId ?? null,
    kind: alert.kind,
    message: alert.message,
    details: alert.details,
    count: alert.count,
    open: alert.resolvedAt === null,
    openedAt: alert.openedAt.toISOString(),
    lastNotifiedAt: alert.lastNotifiedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

/** GET /api/v1/alerts: staff see every alert; a client user sees those of its client's workflows. */
export async function listAlerts({ caller, query }: { caller: Caller; query: AlertListQuery }) {
  const own = clientScopeOf(caller);
  // both filters apply: a client user asking for another client gets nothing
  const workflowWhere: WhereOptions<Workflow> = { [Op.and]: [own ? { clientId: own } : {}, query.client ? { clientId: query.client } : {}] };
  const where: WhereOptions<Alert> = {
    ...(query.workflow ? { workflowId: query.workflow } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.open === undefined ? {} : { resolvedAt: query.open ? null : { [Op.ne]: null } }),
  };
  const page = await paginate({
    model: Alert,
    where,
    order: parseOrder(query.order),
    limit: query.limit,
    cursor: query.cursor,
    include: [{ association: 'workflow', attributes: ['id', 'name', 'clientId'], where: workflowWhere, required: true }],
  });
  return { data: page.rows.map(toAlertDto), nextCursor: page.nextCursor };
}
