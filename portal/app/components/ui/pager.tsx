import { Link, useLocation } from '@remix-run/react';
import { buttonClass } from './button';

/**
 * Cursor paging for list pages: "Newer" goes back to the first page, "Older/Next" follows nextCursor,
 * keeping every other filter in the URL.
 */
export function Pager({ nextCursor, hasPrevious }: { nextCursor: string | null; hasPrevious: boolean }) {
  const location = useLocation();
  const withCursor = (cursor: string | null) => {
    const params = new URLSearchParams(location.search);
    if (cursor) params.set('cursor', cursor);
    else params.delete('cursor');
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  if (!nextCursor && !hasPrevious) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-end gap-2 pt-4">
      {hasPrevious ? (
        <Link to={withCursor(null)} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
          First page
        </Link>
      ) : null}
      {nextCursor ? (
        <Link to={withCursor(nextCursor)} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
