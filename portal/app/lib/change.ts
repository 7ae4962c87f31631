// How a figure moved from the previous period to this one, in words a non-technical client reads at a glance.

export type Change = {
  /** "+12%", "−3.1 pts", "New", "No change" */
  label: string;
  direction: 'up' | 'down' | 'flat';
  /** whether the move is good news for the client */
  tone: 'good' | 'bad' | 'neutral';
};

/** Relative change of a count (runs, failures, hours saved). */
export function describeCountChange({ current, previous, higherIsBetter }: { current: number; previous: number; higherIsBetter: boolean }): Change | null {
  if (previous === 0 && current === 0) return null;
  if (previous === 0) return { label: 'New', direction: 'up', tone: higherIsBetter ? 'good' : 'bad' };
  const ratio = (current - previous) / previous;
  const percent = Math.round(ratio * 100);
  if (percent === 0) return { label: 'No change', direction: 'flat', tone: 'neutral' };
  return toneOf({ label: `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`, up: percent > 0, higherIsBetter });
}

/** Change of a rate (success rate), in percentage points. */
export function describeRateChange({ current, previous }: { current: number | null; previous: number | null }): Change | null {
  if (current === null || previous === null) return null;
  const points = Math.round((current - previous) * 1000) / 10;
  if (points === 0) return { label: 'No change', direction: 'flat', tone: 'neutral' };
  return toneOf({ label: `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`, up: points > 0, higherIsBetter: true });
}

function toneOf({ label, up, higherIsBetter }: { label: string; up: boolean; higherIsBetter: boolean }): Change {
  return { label, direction: up ? 'up' : 'down', tone: up === higherIsBetter ? 'good' : 'bad' };
}
