import type { ExecutionListQuery, ExecutionStatus } from '@monoliet/contract';

// The run filters of a workflow page, from its URL: a status in plain words and an inclusive date range.

export const RUN_STATUS_FILTERS = {
  all: { label: 'All runs', statuses: null },
  failed: { label: 'Failed', statuses: ['error', 'crashed'] },
  succeeded: { label: 'Succeeded', statuses: ['success'] },
  running: { label: 'Running or waiting', statuses: ['running', 'waiting', 'new'] },
  canceled: { label: 'Canceled', statuses: ['canceled'] },
} as const satisfies Record<string, { label: string; statuses: readonly ExecutionStatus[] | null }>;

export type RunStatusFilter = keyof typeof RUN_STATUS_FILTERS;

export type RunFilterForm = { status: RunStatusFilter; from: string; to: string; errors: { from?: string; to?: string }; active: boolean };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseRunFilters(params: URLSearchParams): { query: Pick<ExecutionListQuery, 'status' | 'since' | 'until'>; form: RunFilterForm } {
  const status = (Object.hasOwn(RUN_STATUS_FILTERS, params.get('status') ?? '') ? params.get('status') : 'all') as RunStatusFilter;
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  const errors: RunFilterForm['errors'] = {};
  if (from && !isDay(from)) errors.from = 'Enter a date like 2026-05-01';
  if (to && !isDay(to)) errors.to = 'Enter a date like 2026-05-31';
  if (!errors.from && !errors.to && from && to && from > to) errors.to = 'The end date is before the start date';
  const useFrom = from && !errors.from && !errors.to;
  const useTo = to && !errors.to;
  const statuses = RUN_STATUS_FILTERS[status].statuses;
  return {
    query: {
      ...(statuses ? { status: [...statuses] } : {}),
      ...(useFrom ? { since: from } : {}),
      // the end date is included: runs before the start of the next day
      ...(useTo ? { until: nextDay(to) } : {}),
    },
    form: { status, from, to, errors, active: status !== 'all' || Boolean(from || to) },
  };
}

function isDay(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
