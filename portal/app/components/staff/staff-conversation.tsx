import type { TicketCommentDto, TicketPerson } from '@monoliet/contract';
import { formatDateTime } from '~/lib/format';

type Message = { id: string; body: string; author: TicketPerson | null; createdAt: string; internal: boolean };

/** The staff view of a ticket's conversation: replies as the client sees them, and the internal notes marked. */
export function StaffConversation({ opening, comments }: { opening: Omit<Message, 'internal'>; comments: TicketCommentDto[] }) {
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {[{ ...opening, internal: false }, ...comments].map((message) => (
        <li
          key={message.id}
          data-testid={message.internal ? 'internal-note' : 'ticket-message'}
          className={`rounded-xl px-4 py-3 ring-1 ${message.internal ? 'bg-amber-50 ring-amber-200' : message.author?.role === 'staff' ? 'bg-white ring-slate-200' : 'bg-slate-50 ring-slate-200/60'}`}
        >
          <p className="text-xs text-slate-500">
            <span className="font-semibold text-slate-700">{message.author?.name ?? 'A former user'}</span>
            {message.author ? ` · ${message.author.role === 'staff' ? 'staff' : 'client'}` : ''} · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
            {message.internal ? <span className="ml-2 rounded bg-amber-200/70 px-1.5 py-0.5 font-semibold text-amber-900">Internal note</span> : null}
          </p>
          <p className="mt-1.5 whitespace-pre-wrap break-words text-sm text-slate-800">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
