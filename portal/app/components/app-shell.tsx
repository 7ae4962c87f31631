import { Form, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useBranding } from './branding';
import { CsrfInput } from './csrf-input';

export type NavItem = { to: string; label: string; end?: boolean };

export function AppShell({
  nav,
  user,
  area,
  children,
}: {
  nav: NavItem[];
  user: { name: string; email: string; subtitle?: string | null };
  area: string;
  children: ReactNode;
}) {
  const branding = useBranding();
  return (
    <div className="min-h-screen bg-slate-50 lg:flex">
      <aside className="border-b border-slate-200 bg-white lg:fixed lg:inset-y-0 lg:flex lg:w-64 lg:flex-col lg:border-b-0 lg:border-r">
        <div className="flex h-16 items-center gap-2.5 px-5">
          {branding.logoUrl ? (
            <img src={branding.logoUrl} alt="" className="h-8 w-8 rounded-md object-contain" />
          ) : (
            <span className="grid h-8 w-8 place-items-center rounded-md bg-brand text-sm font-bold text-white">{branding.companyName.slice(0, 1)}</span>
          )}
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-slate-900">{branding.companyName}</p>
            <p className="text-xs text-slate-500">{area}</p>
          </div>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-3 lg:flex-1 lg:flex-col lg:pb-0">
          {nav.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              prefetch="intent"
              className={({ isActive }) =>
                `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="hidden border-t border-slate-200 p-4 lg:block">
          <p className="truncate text-sm font-medium text-slate-900" data-testid="signed-in-user">
            {user.name || user.email}
          </p>
          <p className="truncate text-xs text-slate-500">{user.subtitle ?? user.email}</p>
          <Form method="post" action="/logout" className="mt-3">
            <CsrfInput />
            <button type="submit" className="text-xs font-medium text-slate-500 hover:text-slate-900">
              Sign out
            </button>
          </Form>
        </div>
      </aside>
      <main className="flex-1 lg:pl-64">
        <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</div>
      </main>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}
