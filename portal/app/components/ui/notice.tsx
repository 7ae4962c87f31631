import type { ReactNode } from 'react';

const TONES = {
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  info: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  error: 'bg-rose-50 text-rose-700 ring-rose-600/20',
} as const;

/** A short message above a page or form: what just happened, or what went wrong as a whole. */
export function Notice({ tone = 'info', title, children }: { tone?: keyof typeof TONES; title?: ReactNode; children?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg px-4 py-3 text-sm ring-1 ring-inset ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-0.5' : ''}>{children}</div> : null}
    </div>
  );
}
