import { useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { formatDateTime } from '~/lib/format';

/**
 * Reloads the page's data every `seconds` without a full page load, while the tab is visible; a tab
 * that comes back into view refreshes at once. `live` turns true once that runs in the browser.
 */
export function useAutoRefresh(seconds: number) {
  const revalidator = useRevalidator();
  const [live, setLive] = useState(false);
  useEffect(() => {
    setLive(true);
    const refresh = () => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') revalidator.revalidate();
    };
    const timer = window.setInterval(refresh, seconds * 1000);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [seconds, revalidator]);
  return { live, refreshing: revalidator.state === 'loading' };
}

/**
 * "Updated 25 Nov 2026, 14:02 UTC · refreshes every 30 s", with a pulse while a refresh is under way; the
 * promise to refresh appears only once the page runs its script (without it, the page stays as loaded).
 */
export function RefreshIndicator({ refreshedAt, seconds, live, refreshing }: { refreshedAt: string; seconds: number; live: boolean; refreshing: boolean }) {
  return (
    <p className="inline-flex items-center gap-2 text-xs text-slate-500" aria-live="polite" data-testid="refreshed-at" data-refreshed-at={refreshedAt}>
      <span className={`h-2 w-2 rounded-full ${refreshing ? 'animate-pulse bg-brand' : live ? 'bg-emerald-500' : 'bg-slate-300'}`} aria-hidden="true" />
      Updated {formatDateTime(refreshedAt)}
      {live ? ` · refreshes every ${seconds} s` : null}
    </p>
  );
}
