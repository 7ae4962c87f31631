import { describeUrl } from './log-safe-url';

describe('URLs in log lines', () => {
  it('keeps ordinary paths and query strings', () => {
    expect(describeUrl('/staff/clients/acme-logistics-international?page=2&sort=name')).toBe('/staff/clients/acme-logistics-international?page=2&sort=name');
    expect(describeUrl('/api/v1/invoices/3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13')).toBe('/api/v1/invoices/3f1c2a9e-8d4b-4f6a-9c1e-2b7d5e8f0a13');
  });

  it('hides the values of secret-looking parameters', () => {
    expect(describeUrl('/reset?token=abc123&next=%2Fstaff')).toBe('/reset?token=[redacted]&next=%2Fstaff');
    expect(describeUrl('/api/v1/clients?api_key=xyz&password=hunter22&csrf=q')).toBe('/api/v1/clients?api_key=[redacted]&password=[redacted]&csrf=[redacted]');
  });

  it('hides random tokens in the path', () => {
    expect(describeUrl('/invite/Xk9fQ2mLp0ZrT7vB4nW8yC1d')).toBe('/invite/[redacted]');
    expect(describeUrl('/reset/Xk9fQ2mLp0ZrT7vB4nW8yC1d?from=mail')).toBe('/reset/[redacted]?from=mail');
  });
});
