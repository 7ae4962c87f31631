import type { InvoiceStatus } from '@monoliet/contract';
import { displayStatusOf, INVOICE_STATUS_LABELS } from '~/lib/invoice-labels';
import { Badge, type BadgeTone } from '../ui/badge';

const TONES: Record<InvoiceStatus, BadgeTone> = { pending: 'blue', overdue: 'red', paid: 'green', void: 'gray' };

/** Pending, Overdue (also a pending invoice past its due date), Paid or Void. */
export function InvoiceStatusBadge({ invoice }: { invoice: { status: InvoiceStatus; isOverdue: boolean } }) {
  const status = displayStatusOf(invoice);
  return (
    <span data-testid="invoice-status">
      <Badge tone={TONES[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>
    </span>
  );
}
