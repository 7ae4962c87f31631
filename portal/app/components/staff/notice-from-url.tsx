import { useSearchParams } from '@remix-run/react';
import { Notice } from '../ui/notice';

/** The sentence for the `done` code a staff action put in the URL (codes only, never text from the URL). */
export function DoneNotice({ messages }: { messages: Record<string, string> }) {
  const [params] = useSearchParams();
  const message = messages[params.get('done') ?? ''];
  if (!message) return null;
  return (
    <div className="mb-6">
      <Notice tone="success">{message}</Notice>
    </div>
  );
}
