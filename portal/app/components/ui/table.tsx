import type { ReactNode } from 'react';

export type Column<T> = { key: string; header: ReactNode; cell: (row: T) => ReactNode; className?: string; align?: 'left' | 'right' };

/** A plain, accessible data table; rows are links or plain cells, never client-side magic. */
export function DataTable<T>({ columns, rows, rowKey, empty, caption }: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; empty?: ReactNode; caption?: string }) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`whitespace-nowrap px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-500 ${column.align === 'right' ? 'text-right' : 'text-left'} ${column.className ?? ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50/70">
              {columns.map((column) => (
                <td key={column.key} className={`px-3 py-3 align-top text-slate-700 ${column.align === 'right' ? 'text-right tabular-nums' : ''} ${column.className ?? ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
