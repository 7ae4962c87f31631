import type { Transaction } from 'sequelize';
import { AuditLogEntry } from '~/models/index.server';

export type Actor = { id: string | null; label: string; ip?: string | null };

/** Appends to the audit log, inside the caller's transaction when there is one. */
export async function recordAudit(
  {
    actor,
    action,
    target,
    clientId = null,
    metadata = {},
  }: {
    actor: Actor;
    action: string;
    target?: { type: string; id: string };
    clientId?: string | null;
    metadata?: Record<string, unknown>;
  },
  transaction?: Transaction,
) {
  await AuditLogEntry.create(
    {
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      clientId,
      ip: actor.ip ?? null,
      metadata,
    },
    { transaction },
  );
}
