import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { CsrfInput } from '../csrf-input';
import { buttonClass } from '../ui/button';
import { SubmitButton } from '../ui/submit-button';

/**
 * The confirmation step of a bulk or destructive action. The first post of such a form only asks (its action
 * answers `confirm`); this dialog re-posts the same fields with confirmed=yes. It is plain HTML, so it works
 * without JavaScript too, and Cancel is a link back to the page.
 */
export function ConfirmDialog({
  title,
  intent,
  fields,
  confirmLabel,
  busyLabel,
  cancelTo,
  danger = false,
  children,
}: {
  title: string;
  intent: string;
  /** the hidden fields of the original form (the selected ids, ...) */
  fields: Record<string, string | string[]>;
  confirmLabel: string;
  busyLabel: string;
  cancelTo: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-[12vh]">
      <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" className="w-full max-w-lg rounded-xl bg-white shadow-2xl ring-1 ring-slate-900/10" data-testid="confirm-dialog">
        <Form method="post" className="p-6">
          <CsrfInput />
          <input type="hidden" name="confirmed" value="yes" />
          {Object.entries(fields).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((item, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={item} />),
          )}
          <div className="flex gap-4">
            <span aria-hidden className={`grid h-10 w-10 shrink-0 place-items-center rounded-full ${danger ? 'bg-rose-100 text-rose-600' : 'bg-amber-100 text-amber-700'}`}>
              !
            </span>
            <div className="min-w-0 flex-1">
              <h2 id="confirm-title" className="text-base font-semibold text-slate-900">
                {title}
              </h2>
              <div className="mt-2 space-y-3 text-sm text-slate-600">{children}</div>
            </div>
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Link to={cancelTo} className={buttonClass({ variant: 'secondary' })} preventScrollReset>
              Cancel
            </Link>
            <SubmitButton intent={intent} variant={danger ? 'danger' : 'primary'} busyLabel={busyLabel}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </div>
  );
}

/** The selected records, listed in the confirmation (the first few, then how many more). */
export function SelectedList({ items, max = 8 }: { items: string[]; max?: number }) {
  return (
    <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-inset ring-slate-200" data-testid="confirm-items">
      {items.slice(0, max).map((item) => (
        <li key={item}>{item}</li>
      ))}
      {items.length > max ? <li className="text-slate-500">and {items.length - max} more</li> : null}
    </ul>
  );
}
