import type { ReactNode } from 'react';
import { useBranding } from './branding';

/** The centred card of the signed-out pages (sign-in's second step, setting a password), with the agency's logo. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const branding = useBranding();
  return (
    <main className="flex min-h-screen flex-col justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-6 py-12">
      <div className="mx-auto w-full max-w-sm">
        <div className="flex items-center justify-center gap-3">
          {branding.logoUrl ? (
            <img src={branding.logoUrl} alt="" className="h-10 w-10 rounded-lg object-contain" />
          ) : (
            <span className="grid h-10 w-10 place-items-center rounded-lg bg-brand text-lg font-bold text-white">{branding.companyName.slice(0, 1)}</span>
          )}
          <span className="text-lg font-semibold text-slate-900">{branding.companyName}</span>
        </div>
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-2 text-center text-sm text-slate-600">{description}</p> : null}
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
