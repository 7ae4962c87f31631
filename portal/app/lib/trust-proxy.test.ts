import { trustProxySetting } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('becomes a boolean, a hop count or a list of addresses for express', () => {
    expect(trustProxySetting.parse('true')).toBe(true);
    expect(trustProxySetting.parse('false')).toBe(false);
    expect(trustProxySetting.parse('1')).toBe(1);
    expect(trustProxySetting.parse('loopback')).toBe('loopback');
    expect(trustProxySetting.parse('loopback, 10.0.0.0/8, fd00::/8, 192.168.1.7')).toBe('loopback,10.0.0.0/8,fd00::/8,192.168.1.7');
  });

  it('refuses what express would not understand, naming the bad entry', () => {
    const problem = (value: string) => trustProxySetting.safeParse(value).error?.issues[0]?.message;
    expect(problem('yes')).toMatch(/^"yes" is not an address/);
    expect(problem('loopback,10.0.0.0/33')).toMatch(/^"10\.0\.0\.0\/33" is not/);
    expect(problem('proxy.internal')).toMatch(/^"proxy\.internal" is not/);
  });
});
