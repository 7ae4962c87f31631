import { ClientCreateSchema, ClientUpdateSchema } from '@monoliet/contract';
import { clientInputFrom, slugify } from './client-form';

describe('client form', () => {
  it('derives a slug from the company name when none is given', () => {
    expect(slugify('Acme Logistics GmbH')).toBe('acme-logistics-gmbh');
    expect(slugify('  Café Zürich & Søn  ')).toBe('cafe-zurich-s-n');
    expect(slugify('x'.repeat(80) + ' y')).toHaveLength(63);
    expect(clientInputFrom({ companyName: 'Globex Corporation', email: 'ap@globex.example' }).slug).toBe('globex-corporation');
  });

  it('makes a valid create input from a filled form', () => {
    const input = clientInputFrom({ companyName: 'Globex', email: 'ap@globex.example', monthlyFee: '1490', currency: 'usd', billingCycle: 'yearly', status: 'active' });
    const parsed = ClientCreateSchema.parse(input);
    expect(parsed).toMatchObject({ slug: 'globex', currency: 'USD', monthlyFee: '1490', billingEmail: null, nextBillingDate: null, notes: '' });
  });

  it('clears optional values an edit empties instead of keeping the old ones', () => {
    const parsed = ClientUpdateSchema.parse(clientInputFrom({ slug: 'globex', companyName: 'Globex', email: 'ap@globex.example', billingEmail: '', nextBillingDate: '', phone: undefined }));
    expect(parsed.billingEmail).toBeNull();
    expect(parsed.nextBillingDate).toBeNull();
    expect(parsed.phone).toBe('');
  });

  it('leaves a bad amount for the schema to name', () => {
    const result = ClientCreateSchema.safeParse(clientInputFrom({ companyName: 'Globex', email: 'ap@globex.example', monthlyFee: '1,490.00' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['monthlyFee']);
  });
});
