import { isFiltered, readInvoiceFilters, toListQuery } from './invoice-filters';

describe('invoice page filters', () => {
  it('reads the tab, type and dates from the URL and ignores values that make no sense', () => {
    const filters = readInvoiceFilters(new URLSearchParams('show=open&type=monthly&from=2026-01-01&to=2026-13-45'));
    expect(filters).toEqual({ show: 'open', type: 'monthly', from: '2026-01-01', to: null });
    expect(readInvoiceFilters(new URLSearchParams('show=everything&type=gift'))).toEqual({ show: 'all', type: null, from: null, to: null });
  });

  it('turns the tabs into the list query of the service', () => {
    const none = { type: null, from: null, to: null };
    expect(toListQuery({ filters: { show: 'open', ...none } })).toMatchObject({ status: ['pending', 'overdue'], order: '-issueDate' });
    expect(toListQuery({ filters: { show: 'overdue', ...none } })).toMatchObject({ overdue: true });
    expect(toListQuery({ filters: { show: 'all', type: 'setup', from: '2026-01-01', to: null }, cursor: 'abc' })).toMatchObject({ type: 'setup', issuedSince: '2026-01-01', cursor: 'abc' });
    expect(isFiltered({ show: 'all', ...none })).toBe(false);
    expect(isFiltered({ show: 'all', ...none, type: 'setup' })).toBe(true);
  });
});
