import { useRouteLoaderData } from '@remix-run/react';

export type Branding = { companyName: string; brandColor: string; logoUrl: string | null; supportEmail: string };

const FALLBACK: Branding = { companyName: 'Monoliet', brandColor: '#4f46e5', logoUrl: null, supportEmail: '' };

/** The agency's branding from portal_settings, loaded once by the root route. */
export function useBranding(): Branding {
  const data = useRouteLoaderData<{ branding: Branding }>('root');
  return data?.branding ?? FALLBACK;
}
