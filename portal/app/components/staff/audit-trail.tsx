import type { AuditEntryDto } from '@monoliet/contract';
import { formatDateTime } from '~/lib/format';
import { AuditMetadata } from './audit-metadata';

/** The latest audit entries about one record, newest first (the full, filterable log is /staff/audit). */
export function AuditTrail({ entries }: { entries: AuditEntryDto[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <p>
            <span className="font-mono text-xs font-medium text-slate-900">{entry.action}</span>
            <span className="text-slate-500"> by {entry.actorLabel || 'the system'} · {formatDateTime(entry.at)}</span>
          </p>
          {Object.keys(entry.metadata).length > 0 ? (
            <div className="mt-1">
              <AuditMetadata metadata={entry.metadata} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
