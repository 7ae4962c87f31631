import { Notice } from '../ui/notice';

export type DoneCodes = { done: string; n: number; skipped: number };

/**
 * What the last change did, from the codes in the URL (lib/bulk-actions.server.ts): each page names its
 * sentences; an unknown code shows nothing.
 */
export function DoneNotice({ notice, messages }: { notice: DoneCodes | null; messages: Record<string, (codes: DoneCodes) => string> }) {
  const message = notice ? messages[notice.done]?.(notice) : undefined;
  if (!message || !notice) return null;
  return (
    <Notice tone="success">
      {message}
      {notice.skipped > 0 ? ` ${notice.skipped} could not be changed (removed in the meantime).` : ''}
    </Notice>
  );
}

/** "1 workflow" / "3 workflows" */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
