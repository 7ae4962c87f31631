import type { ExecutionReport } from '../../../shared/contract';

/** What the Error Trigger emits (n8n 1.x and 2.x): a failed execution, or a trigger that failed to start one. */
export type ErrorTriggerItem = {
	execution?: {
		id?: string;
		url?: string;
		error?: ErrorTriggerError;
		lastNodeExecuted?: string;
		mode?: string;
		retryOf?: string;
		/** n8n 2.x: when the failed execution began */
		executionContext?: { establishedAt?: number };
	};
	trigger?: { error?: ErrorTriggerError; mode?: string };
	workflow?: { id?: string; name?: string };
};

type ErrorTriggerError = {
	name?: string;
	message?: string;
	description?: string | null;
	stack?: string;
	timestamp?: number;
	/** absent for errors thrown in a Code node */
	node?: { name?: string; type?: string };
};

/** The contract's limits, so that a long stack never gets the report rejected. */
const MAX_ERROR_MESSAGE = 10_000;
const MAX_ERROR_NODE = 500;
const MAX_STACK_FRAMES = 12;

export type MappedError = { run: ExecutionReport; executionUrl?: string; stack?: string };

/**
 * Maps an Error Trigger item to the run report of the execution that failed. A crash (out of memory,
 * killed) becomes `crashed`. A trigger that failed has no execution, so it is reported under an ID made
 * from the workflow and the error's time, which stays the same when the same item is sent again.
 * The start time is the given one, else the one n8n 2.x puts in the item, else `now`.
 */
export function mapErrorTriggerItem(
	item: ErrorTriggerItem,
	{ startedAt, now, includeStack, fallbackId }: { startedAt?: number; now: number; includeStack: boolean; fallbackId: string },
): MappedError | { problem: string } {
	const workflowId = item.workflow?.id;
	const source = item.execution ?? item.trigger;
	if (!workflowId || !source) {
		return { problem: 'The input is not an item from an Error Trigger: it has no workflow ID or execution' };
	}
	const error = source.error ?? {};
	const executionId = item.execution ? item.execution.id : `trigger-${workflowId}-${error.timestamp ?? fallbackId}`;
	if (!executionId) return { problem: 'The Error Trigger item has no execution ID' };
	const stack = error.stack ? trimStack(error.stack) : undefined;
	const message = error.message || error.name || 'Unknown error';
	const errorMessage = includeStack && stack ? `${message}\n\n${stack}` : message;
	const errorNode = error.node?.name ?? item.execution?.lastNodeExecuted;
	const run: ExecutionReport = {
		executionId,
		workflowId,
		status: error.name === 'WorkflowCrashedError' ? 'crashed' : 'error',
		startedAt: new Date(startedAt ?? readEstablishedAt(item) ?? now).toISOString(),
		errorMessage: errorMessage.slice(0, MAX_ERROR_MESSAGE),
	};
	if (item.workflow?.name) run.workflowName = item.workflow.name;
	if (source.mode) run.mode = source.mode;
	if (errorNode) run.errorNode = errorNode.slice(0, MAX_ERROR_NODE);
	if (item.execution?.retryOf) run.retryOf = String(item.execution.retryOf);
	return { run, executionUrl: item.execution?.url, stack };
}

function readEstablishedAt(item: ErrorTriggerItem): number | undefined {
	const establishedAt = item.execution?.executionContext?.establishedAt;
	return typeof establishedAt === 'number' && establishedAt > 0 ? establishedAt : undefined;
}

/**
 * A stack without the server's absolute paths: a frame keeps its package path after the last
 * node_modules (`n8n-core/dist/…js:12:5`), or else just its file name.
 */
export function trimStack(stack: string): string {
	const lines = stack.split('\n');
	const frames = lines.filter((line) => /^\s+at /.test(line));
	const head = lines.filter((line) => !/^\s+at /.test(line));
	const kept = frames.slice(0, MAX_STACK_FRAMES);
	const more = frames.length > kept.length ? [`    … ${frames.length - kept.length} more`] : [];
	return [...head, ...kept, ...more].map(trimPaths).join('\n').trim();
}

// not after a word character, ':' or '/', so that URLs in messages stay whole
const ABSOLUTE_PATH = /(?<![\w:/])(?:file:\/\/)?(?:[A-Za-z]:)?(?:[\\/][^\\/\s():]+)+/g;

function trimPaths(line: string): string {
	return line.replace(ABSOLUTE_PATH, (path) => {
		const segments = path.replace(/^file:\/\//, '').split(/[\\/]/).filter(Boolean);
		const lastModules = segments.lastIndexOf('node_modules');
		return lastModules >= 0 ? segments.slice(lastModules + 1).join('/') : (segments.at(-1) ?? path);
	});
}
