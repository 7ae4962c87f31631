import { redirect } from '@remix-run/node';
import { z } from 'zod';

// Bulk and destructive actions of the staff pages: the first post names the records and only asks; the
// confirmation dialog posts the same fields again with confirmed=yes, and only then does anything change.

export const MAX_BULK_SELECTION = 100;
const SelectionSchema = z.array(z.uuid()).max(MAX_BULK_SELECTION);

/** The ticked rows of a bulk form (`ids`); a forged or oversized selection is the 400 page, never a 500. */
export function readSelectedIds(form: FormData): string[] {
  const parsed = SelectionSchema.safeParse([...new Set(form.getAll('ids').map(String))]);
  if (!parsed.success) throw new Response(`Select at most ${MAX_BULK_SELECTION} records, from the list`, { status: 400 });
  return parsed.data;
}

export function isConfirmed(form: FormData): boolean {
  return form.get('confirmed') === 'yes';
}

/** The page a form was posted from, as a path with its query (Remix's ?index marker removed). */
export function pagePathOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('index');
  return url.pathname + (url.searchParams.size ? `?${url.searchParams.toString()}` : '');
}

export const NOTICE_PARAMS = ['done', 'n', 'skipped'] as const;

/**
 * Back to the page after a change, with what happened as codes in the URL (never free text, so a crafted
 * link cannot put words in the portal's mouth); the page turns them into a sentence.
 */
export function redirectWithNotice(request: Request, { done, n, skipped = 0 }: { done: string; n?: number; skipped?: number }) {
  const url = new URL(request.url);
  url.searchParams.delete('index');
  for (const name of NOTICE_PARAMS) url.searchParams.delete(name);
  url.searchParams.set('done', done);
  if (n !== undefined) url.searchParams.set('n', String(n));
  if (skipped > 0) url.searchParams.set('skipped', String(skipped));
  return redirect(`${url.pathname}?${url.searchParams.toString()}`);
}

/** The notice codes of the current URL. */
export function readNotice(params: URLSearchParams): { done: string; n: number; skipped: number } | null {
  const done = params.get('done');
  if (!done || !/^[a-z-]{1,40}$/.test(done)) return null;
  const count = (name: string) => Math.max(0, Math.min(10_000, Number.parseInt(params.get(name) ?? '0', 10) || 0));
  return { done, n: count('n'), skipped: count('skipped') };
}
