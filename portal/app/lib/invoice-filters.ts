import { INVOICE_TYPES, isoDate, type InvoiceListQuery, type InvoiceType } from '@monoliet/contract';

// The filters of the invoices page live in its URL (?show=open&type=monthly&from=…&to=…), so a filtered
// list can be bookmarked and shared. Values that make no sense are ignored rather than refused.

export const INVOICE_TABS = [
  { key: 'all', label: 'All' },
  { key: 'open', label: 'Open' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'paid', label: 'Paid' },
  { key: 'void', label: 'Void' },
] as const;
export type InvoiceTab = (typeof INVOICE_TABS)[number]['key'];

export type InvoiceFilters = { show: InvoiceTab; type: InvoiceType | null; from: string | null; to: string | null };

export const PAGE_SIZE = 25;

export function readInvoiceFilters(params: URLSearchParams): InvoiceFilters {
  const show = INVOICE_TABS.find((tab) => tab.key === params.get('show'))?.key ?? 'all';
  const type = INVOICE_TYPES.find((t) => t === params.get('type')) ?? null;
  const date = (name: string) => {
    const parsed = isoDate.safeParse(params.get(name));
    return parsed.success ? parsed.data : null;
  };
  return { show, type, from: date('from'), to: date('to') };
}

export function isFiltered(filters: InvoiceFilters): boolean {
  return filters.show !== 'all' || filters.type !== null || filters.from !== null || filters.to !== null;
}

export function toListQuery({ filters, cursor }: { filters: InvoiceFilters; cursor?: string }): InvoiceListQuery {
  const byTab: Record<InvoiceTab, Pick<InvoiceListQuery, 'status' | 'overdue'>> = {
    all: {},
    open: { status: ['pending', 'overdue'] },
    overdue: { overdue: true },
    paid: { status: ['paid'] },
    void: { status: ['void'] },
  };
  return {
    ...byTab[filters.show],
    type: filters.type ?? undefined,
    issuedSince: filters.from ?? undefined,
    issuedUntil: filters.to ?? undefined,
    order: '-issueDate',
    limit: PAGE_SIZE,
    cursor,
  };
}
