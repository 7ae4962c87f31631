import { buildInstance, buildWorkflow } from './factories';
import { daysAgo, pushRuns } from './helpers/runs';

// The executions and workflows tests date their runs with this helper against the real clock. Shortly after
// midnight UTC, "today at 00:mm" or "today at noon" has not happened yet: a run must never start in the
// future (n8n cannot report one), yet "today" must stay today. Only Date is pinned; timers stay real for the DB.
const ONLY_DATE = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

afterEach(() => {
  jest.useRealTimers();
});

describe('the runs test helper', () => {
  it.each(['00:00:00.400', '00:00:30', '00:20:00', '11:59:00', '23:59:59'])('dates runs of today before now and still today, at %s UTC', async (time) => {
    const now = new Date(`2026-11-25T${time}Z`);
    jest.useFakeTimers({ now, doNotFake: [...ONLY_DATE] });
    for (const hour of [0, 12, 23]) {
      const at = daysAgo(0, hour);
      expect([at.slice(0, 10), Date.parse(at) <= now.getTime()]).toEqual(['2026-11-25', true]);
    }
    expect(daysAgo(1).slice(0, 13)).toBe('2026-11-24T12');
    expect(daysAgo(2, 10).slice(0, 13)).toBe('2026-11-23T10');

    const instance = await buildInstance();
    const [run] = await pushRuns({ instance, workflow: await buildWorkflow({ instance }), runs: [{}] });
    expect([run!.startedAt.slice(0, 10), Date.parse(run!.startedAt) <= now.getTime()]).toEqual(['2026-11-25', true]);
  });
});
