import type { ExecutionReport } from '@monoliet/contract';
import { dedupeReports } from './run-merge';

const base: ExecutionReport = { executionId: '7', workflowId: 'wf', status: 'running', startedAt: '2026-05-01T10:00:00Z' };

describe('dedupeReports', () => {
  it('keeps the most final status when one execution appears twice', () => {
    const result = dedupeReports([{ ...base, status: 'success', durationMs: 1200 }, { ...base, status: 'running' }]);
    expect(result).toEqual([{ ...base, status: 'success', durationMs: 1200 }]);
  });

  it('lets the later report win a tie and keeps fields only the earlier one had', () => {
    const result = dedupeReports([
      { ...base, status: 'error', errorMessage: 'boom', itemCount: 3 },
      { ...base, status: 'error', errorNode: 'HTTP Request' },
    ]);
    expect(result).toEqual([{ ...base, status: 'error', errorMessage: 'boom', errorNode: 'HTTP Request', itemCount: 3 }]);
  });

  it('keeps distinct executions apart and in first-seen order', () => {
    const result = dedupeReports([base, { ...base, executionId: '8' }, { ...base, status: 'success' }]);
    expect(result.map((r) => [r.executionId, r.status])).toEqual([
      ['7', 'success'],
      ['8', 'running'],
    ]);
  });
});
