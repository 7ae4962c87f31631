import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ExecutionReport, ExecutionStatus } from '../../../shared/contract';
import { parseDateParameter } from '../../helpers/dates';

const FINAL_STATUSES: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

/** What the user may set instead of what is read from the running execution. */
export type RunOverrides = Partial<Omit<ExecutionReport, 'status' | 'retryOf' | 'stoppedAt'>> & {
	retryOf?: string;
	stoppedAt?: string;
};

/** The report of the execution this node runs in: read from n8n, then overridden where the user said so. */
export function describeCurrentRun(
	context: IExecuteFunctions,
	{ status, overrides, itemIndex }: { status: ExecutionStatus; overrides: RunOverrides; itemIndex: number },
): ExecutionReport {
	const workflow = context.getWorkflow();
	const executionId = overrides.executionId || context.getExecutionId();
	const workflowId = overrides.workflowId || workflow.id;
	if (!executionId || !workflowId) {
		throw new NodeOperationError(context.getNode(), 'This run has no execution or workflow ID yet', {
			description: 'Save the workflow first, or set both IDs under Overrides.',
			itemIndex,
		});
	}
	const now = Date.now();
	const readDate = (name: 'startedAt' | 'stoppedAt') => readDateOverride(context, { overrides, name, itemIndex });
	const knownStart = readDate('startedAt') ?? readExecutionStart(context);
	const isFinal = FINAL_STATUSES.includes(status);
	// without a known start, a stop time or duration computed here would be made up; the backfill adds them
	const stoppedAt = readDate('stoppedAt') ?? (isFinal && knownStart ? now : undefined);
	const durationMs = overrides.durationMs ?? (isFinal && knownStart ? Math.max(0, now - knownStart) : undefined);
	return dropEmpty({
		executionId,
		workflowId,
		workflowName: overrides.workflowName || workflow.name,
		status,
		mode: overrides.mode || context.getMode(),
		startedAt: new Date(knownStart ?? now).toISOString(),
		stoppedAt: stoppedAt === undefined ? undefined : new Date(stoppedAt).toISOString(),
		durationMs,
		itemCount: overrides.itemCount ?? context.getInputData().length,
		errorMessage: overrides.errorMessage,
		errorNode: overrides.errorNode,
		retryOf: overrides.retryOf,
	});
}

function readDateOverride(
	context: IExecuteFunctions,
	{ overrides, name, itemIndex }: { overrides: RunOverrides; name: 'startedAt' | 'stoppedAt'; itemIndex: number },
): number | undefined {
	const value = overrides[name];
	if (!value) return undefined;
	const parsed = parseDateParameter(value, context.getTimezone());
	if (parsed === undefined) {
		throw new NodeOperationError(context.getNode(), `"${value}" is not a valid date`, {
			description: `Check the ${name === 'startedAt' ? 'Started At' : 'Stopped At'} override.`,
			itemIndex,
		});
	}
	return parsed;
}

/** When this execution started, as n8n 2.x records it in the execution context (older versions do not). */
function readExecutionStart(context: IExecuteFunctions): number | undefined {
	const getExecutionContext = context.getExecutionContext as IExecuteFunctions['getExecutionContext'] | undefined;
	if (typeof getExecutionContext !== 'function') return undefined;
	const establishedAt = getExecutionContext.call(context)?.establishedAt;
	return typeof establishedAt === 'number' && establishedAt > 0 ? establishedAt : undefined;
}

function dropEmpty<T extends object>(value: T): T {
	return Object.fromEntries(
		Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== null),
	) as T;
}
