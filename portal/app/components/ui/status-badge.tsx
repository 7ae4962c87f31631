import type { ExecutionStatus, WorkflowDto } from '@monoliet/contract';
import { Badge, type BadgeTone } from './badge';

/** A workflow's state in plain words: running, paused, or failing. */
export function workflowState(workflow: Pick<WorkflowDto, 'status' | 'active'>): { label: string; tone: BadgeTone } {
  if (workflow.status === 'error') return { label: 'Needs attention', tone: 'red' };
  if (workflow.status === 'paused' || !workflow.active) return { label: 'Paused', tone: 'gray' };
  return { label: 'Running', tone: 'green' };
}

export function WorkflowStatusBadge({ workflow }: { workflow: Pick<WorkflowDto, 'status' | 'active'> }) {
  const { label, tone } = workflowState(workflow);
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className={`mr-1 inline-block h-1.5 w-1.5 rounded-full ${DOTS[tone]}`} />
      {label}
    </Badge>
  );
}

const DOTS: Record<BadgeTone, string> = { green: 'bg-emerald-500', red: 'bg-rose-500', amber: 'bg-amber-500', blue: 'bg-sky-500', gray: 'bg-slate-400', violet: 'bg-violet-500' };

const RUN_STATES: Record<ExecutionStatus, { label: string; tone: BadgeTone }> = {
  success: { label: 'Succeeded', tone: 'green' },
  error: { label: 'Failed', tone: 'red' },
  crashed: { label: 'Crashed', tone: 'red' },
  canceled: { label: 'Canceled', tone: 'gray' },
  running: { label: 'Running', tone: 'blue' },
  waiting: { label: 'Waiting', tone: 'amber' },
  new: { label: 'Queued', tone: 'gray' },
  unknown: { label: 'Unknown', tone: 'gray' },
};

export function RunStatusBadge({ status }: { status: ExecutionStatus }) {
  const { label, tone } = RUN_STATES[status];
  return <Badge tone={tone}>{label}</Badge>;
}
