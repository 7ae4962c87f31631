import type { ExecutionReport } from '@monoliet/contract';
import type { RunOutcomes } from './ingest.server';
import { shardOf, submitRuns, type WriteRuns } from './ingest-coalescer.server';

const run = (executionId: string, workflowId = 'wf'): ExecutionReport => ({ executionId, workflowId, status: 'success', startedAt: '2026-11-20T10:00:00.000Z' });

/** A fake write that records what each call got and finishes only when told to. */
function controlledWrite() {
  const calls: { ids: string[]; workflows: string[]; finish: (error?: Error) => void }[] = [];
  const write: WriteRuns = ({ runs }) =>
    new Promise<RunOutcomes>((resolve, reject) => {
      const ids = runs.map((r) => r.executionId);
      calls.push({ ids, workflows: [...new Set(runs.map((r) => r.workflowId))], finish: (error) => (error ? reject(error) : resolve(new Map(ids.map((id) => [id, 'created'] as const)))) });
    });
  return { calls, write };
}

// a write starts on the event loop's next turn after a push (pushes arriving together share it): two turns
const tick = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('ingest group commit', () => {
  it('writes a lone push at once, and the pushes that arrive meanwhile together in the next write', async () => {
    const { calls, write } = controlledWrite();
    const instanceId = 'instance-a';
    const first = submitRuns({ instanceId, source: 'push', runs: [run('1')], write });
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([['1']]);
    const waiting = [2, 3, 4].map((i) => submitRuns({ instanceId, source: 'push', runs: [run(String(i))], write }));
    await tick();
    // one write at a time per lane: the others wait for it
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    expect((await first).get('1')).toBe('created');
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([['1'], ['2', '3', '4']]);
    calls[1]!.finish();
    const outcomes = await Promise.all(waiting);
    expect(outcomes.map((o, i) => o.get(String(i + 2)))).toEqual(['created', 'created', 'created']);
  });

  it('keeps a push that reports an execution already in the group for a later write', async () => {
    const { calls, write } = controlledWrite();
    const instanceId = 'instance-b';
    // pushes that arrive together share a write, but an execution is in one write only
    const pushes = [['x'], ['1', '2'], ['2'], ['3']].map((ids) => submitRuns({ instanceId, source: 'push', runs: ids.map((id) => run(id)), write }));
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([['x', '1', '2', '3']]);
    calls[0]!.finish();
    await tick();
    expect(calls[1]!.ids).toEqual(['2']);
    calls[1]!.finish();
    await Promise.all(pushes);
  });

  it('writes the runs of workflows in different lanes side by side, and answers a push once all of its runs are written', async () => {
    expect(shardOf('wf-a', 2)).not.toBe(shardOf('wf-b', 2));
    const { calls, write } = controlledWrite();
    const instanceId = 'instance-f';
    const lone = submitRuns({ instanceId, source: 'push', runs: [run('1', 'wf-a')], write });
    await tick();
    const mixed = submitRuns({ instanceId, source: 'push', runs: [run('2', 'wf-a'), run('3', 'wf-b'), run('4', 'wf-b')], write });
    await tick();
    // wf-b's lane was free: its runs went out at once, while wf-a's wait for the write in flight
    expect(calls.map((c) => [c.workflows, c.ids])).toEqual([
      [['wf-a'], ['1']],
      [['wf-b'], ['3', '4']],
    ]);
    let answered = false;
    void mixed.then(() => (answered = true));
    calls[1]!.finish();
    await tick();
    expect(answered).toBe(false);
    calls[0]!.finish();
    await tick();
    expect(calls[2]!.ids).toEqual(['2']);
    calls[2]!.finish();
    expect([...(await mixed)].sort()).toEqual([
      ['2', 'created'],
      ['3', 'created'],
      ['4', 'created'],
    ]);
    await lone;
  });

  it('writes a backfill page in one write, whatever its workflows', async () => {
    const { calls, write } = controlledWrite();
    const page = submitRuns({ instanceId: 'instance-g', source: 'backfill', runs: [run('1', 'wf-a'), run('2', 'wf-b'), run('3', 'wf-a')], write });
    await tick();
    expect(calls.map((c) => [c.workflows, c.ids])).toEqual([[['wf-a', 'wf-b'], ['1', '2', '3']]]);
    calls[0]!.finish();
    expect([...(await page).keys()]).toEqual(['1', '2', '3']);
  });

  it('keeps instances and sources apart', async () => {
    const { calls, write } = controlledWrite();
    const pushes = [
      submitRuns({ instanceId: 'instance-c', source: 'push', runs: [run('1')], write }),
      submitRuns({ instanceId: 'instance-d', source: 'push', runs: [run('1')], write }),
      submitRuns({ instanceId: 'instance-c', source: 'backfill', runs: [run('1')], write }),
    ];
    await tick();
    expect(calls).toHaveLength(3);
    for (const call of calls) call.finish();
    await Promise.all(pushes);
  });

  it('writes each push of a failed group alone, so one bad push fails only itself', async () => {
    const written: string[][] = [];
    const write: WriteRuns = async ({ runs }) => {
      const ids = runs.map((r) => r.executionId);
      written.push(ids);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (ids.includes('bad')) throw new Error('value out of range');
      return new Map(ids.map((id) => [id, 'created'] as const));
    };
    const instanceId = 'instance-e';
    const results = await Promise.allSettled([['a'], ['b'], ['c'], ['bad'], ['d']].map((ids) => submitRuns({ instanceId, source: 'push', runs: ids.map((id) => run(id)), write })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(written).toContainEqual(['a', 'b', 'c', 'bad', 'd']);
    expect(written).toContainEqual(['bad']);
    expect(written).toContainEqual(['d']);
  });
});
