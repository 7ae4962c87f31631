import { hintFor } from './credential-hints';

describe('hintFor', () => {
  it('shows only the last four characters of the longest value', () => {
    expect(hintFor({ apiKey: 'sk_live_51HxYzABCD1234', user: 'ops' })).toBe('••••1234');
  });

  it('shows nothing of a short secret', () => {
    expect(hintFor({ pin: '123456' })).toBe('••••');
  });
});
