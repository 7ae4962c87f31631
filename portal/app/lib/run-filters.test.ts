import { parseRunFilters } from './run-filters';

const parse = (query: string) => parseRunFilters(new URLSearchParams(query));

describe('parseRunFilters', () => {
  it('turns "failed" into the statuses that count as failures, and includes the end date', () => {
    expect(parse('status=failed&from=2026-05-01&to=2026-05-31').query).toEqual({ status: ['error', 'crashed'], since: '2026-05-01', until: '2026-06-01' });
  });

  it('shows all runs for a missing or unknown status', () => {
    expect(parse('').query).toEqual({});
    expect(parse('status=toString').form).toMatchObject({ status: 'all', active: false });
  });

  it('explains bad dates next to their field and does not filter by them', () => {
    const result = parse('from=2026-02-30&to=tomorrow');
    expect(result.form.errors).toEqual({ from: 'Enter a date like 2026-05-01', to: 'Enter a date like 2026-05-31' });
    expect(result.query).toEqual({});
    expect(parse('from=2026-05-10&to=2026-05-01').form.errors).toEqual({ to: 'The end date is before the start date' });
  });
});
