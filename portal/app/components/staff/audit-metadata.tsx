/** An audit entry's metadata as readable lines: nested values (a settings change's from/to) stay JSON. */
export function AuditMetadata({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5 text-xs" data-testid="audit-metadata">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-2">
          <dt className="shrink-0 text-slate-500">{key}</dt>
          <dd className="min-w-0 break-words font-mono text-slate-800">{describeValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // a change: { field: { from, to } } reads as "field: from → to"
    const changes = Object.entries(record).filter(([, v]) => v && typeof v === 'object' && 'from' in v && 'to' in v) as [string, { from: unknown; to: unknown }][];
    if (changes.length === Object.keys(record).length && changes.length > 0) return changes.map(([field, c]) => `${field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join('; ');
    return JSON.stringify(value);
  }
  return String(value);
}
