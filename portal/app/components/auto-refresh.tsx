import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { formatDateTime } from '~/lib/format';

/**
 * Reloads the page's data every `seconds` without a full page load, while the tab is visible; a tab
 * that comes back into view refreshes at once.
 */
export function useAutoRefresh(seconds: number) {
  const revalidator = useRevalidator();
  useEffect(() => {
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
  return revalidator.state === 'loading';
}

/** "Updated 14:02 UTC · refreshes every 30 s", with a pulse while a refresh is under way. */
export function RefreshIndicator({ refreshedAt, seconds, refreshing }: { refreshedAt: string; seconds: number; refreshing: boolean }) {
  return (
    <p className="inline-flex items-center gap-2 text-xs text-slate-500" aria-live="polite" data-testid="refreshed-at" data-refreshed-at={refreshedAt}>
      <span className={`h-2 w-2 rounded-full ${refreshing ? 'animate-pulse bg-brand' : 'bg-emerald-500'}`} aria-hidden="true" />
      Updated {formatDateTime(refreshedAt)} · refreshes every {seconds} s
    </p>
  );
}
