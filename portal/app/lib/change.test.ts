import { describeCountChange, describeRateChange } from './change';

describe('describeCountChange', () => {
  it('shows growth in runs as good news and growth in failures as bad news', () => {
    expect(describeCountChange({ current: 112, previous: 100, higherIsBetter: true })).toEqual({ label: '+12%', direction: 'up', tone: 'good' });
    expect(describeCountChange({ current: 112, previous: 100, higherIsBetter: false })).toEqual({ label: '+12%', direction: 'up', tone: 'bad' });
    expect(describeCountChange({ current: 50, previous: 100, higherIsBetter: false })).toEqual({ label: '−50%', direction: 'down', tone: 'good' });
  });

  it('says "New" when there was nothing before, and nothing when there is nothing at all', () => {
    expect(describeCountChange({ current: 3, previous: 0, higherIsBetter: true })).toMatchObject({ label: 'New', tone: 'good' });
    expect(describeCountChange({ current: 0, previous: 0, higherIsBetter: true })).toBeNull();
    expect(describeCountChange({ current: 1001, previous: 1000, higherIsBetter: true })).toEqual({ label: 'No change', direction: 'flat', tone: 'neutral' });
  });
});

describe('describeRateChange', () => {
  it('moves in percentage points', () => {
    expect(describeRateChange({ current: 0.95, previous: 0.97 })).toEqual({ label: '−2.0 pts', direction: 'down', tone: 'bad' });
    expect(describeRateChange({ current: 0.991, previous: 0.98 })).toEqual({ label: '+1.1 pts', direction: 'up', tone: 'good' });
    expect(describeRateChange({ current: 0.9, previous: null })).toBeNull();
  });
});
