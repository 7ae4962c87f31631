import type { TicketCommentDto, TicketPerson } from '@monoliet/contract';
import { formatDateTime } from '~/lib/format';

export type ConversationMessage = { id: string; body: string; author: TicketPerson | null; createdAt: string };

/** The ticket's description followed by the replies, as a conversation. Internal notes never reach this page. */
export function TicketConversation({ opening, comments, agencyName }: { opening: ConversationMessage; comments: TicketCommentDto[]; agencyName: string }) {
  return (
    <ol className="space-y-4" aria-label="Conversation">
      {[opening, ...comments].map((message) => (
        <Message key={message.id} message={message} agencyName={agencyName} />
      ))}
    </ol>
  );
}

function Message({ message, agencyName }: { message: ConversationMessage; agencyName: string }) {
  const fromAgency = message.author?.role === 'staff';
  const name = message.author?.name ?? 'A former user';
  return (
    <li className={`flex gap-3 ${fromAgency ? '' : 'flex-row-reverse'}`} data-testid="ticket-message">
      <span aria-hidden className={`grid h-8 w-8 shrink-0 place-items-center rounded-full text-xs font-semibold ${fromAgency ? 'bg-brand text-white' : 'bg-slate-200 text-slate-700'}`}>
        {name.slice(0, 1).toUpperCase()}
      </span>
      <div className={`max-w-[85%] rounded-xl px-4 py-3 shadow-sm ring-1 ${fromAgency ? 'bg-white ring-slate-200' : 'bg-slate-100 ring-slate-200/60'}`}>
        <p className="text-xs text-slate-500">
          <span className="font-semibold text-slate-700">{name}</span>
          {fromAgency ? ` · ${agencyName}` : ''} · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        </p>
        <p className="mt-1.5 whitespace-pre-wrap break-words text-sm text-slate-800">{message.body}</p>
      </div>
    </li>
  );
}
