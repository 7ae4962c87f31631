import type { ChangeEvent } from 'react';
import type { Column } from '../ui/table';

const BOX = 'h-4 w-4 rounded border-slate-300 text-brand accent-[var(--brand-color)] focus:ring-brand';

/** Ticks or clears every row checkbox of the same form (needs JavaScript; without it rows are ticked one by one). */
function toggleAll(event: ChangeEvent<HTMLInputElement>) {
  const form = event.currentTarget.form;
  if (!form) return;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')) box.checked = event.currentTarget.checked;
}

/** The first column of a list with bulk actions: a checkbox per row, named `ids`, inside the bulk form. */
export function selectColumn<T>({ idOf, labelOf }: { idOf: (row: T) => string; labelOf: (row: T) => string }): Column<T> {
  return {
    key: 'select',
    header: (
      <label className="inline-flex">
        <span className="sr-only">Select all on this page</span>
        <input type="checkbox" className={BOX} onChange={toggleAll} data-testid="select-all" />
      </label>
    ),
    cell: (row) => (
      <label className="inline-flex">
        <span className="sr-only">Select {labelOf(row)}</span>
        <input type="checkbox" name="ids" value={idOf(row)} className={BOX} />
      </label>
    ),
    className: 'w-8',
  };
}
