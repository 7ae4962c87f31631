import { WorkflowUpdateSchema, type WorkflowUpdate } from '@monoliet/contract';

// The staff workflow settings form as an update for PATCH /workflows/{id}'s service: empty client means
// unassigned, an empty interval means no expectation; numbers arrive as text.

export function parseWorkflowSettings(values: Record<string, string | undefined>): { input: WorkflowUpdate; errors: null } | { input: null; errors: Record<string, string[]> } {
  const number = (text: string | undefined) => (text === undefined || text.trim() === '' ? Number.NaN : Number(text));
  const interval = values.expectedIntervalMinutes?.trim();
  const result = WorkflowUpdateSchema.safeParse({
    clientId: values.clientId?.trim() ? values.clientId.trim() : null,
    minutesSavedPerRun: number(values.minutesSavedPerRun),
    expectedIntervalMinutes: interval ? number(interval) : null,
  });
  if (result.success) return { input: result.data, errors: null };
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const message = field === 'minutesSavedPerRun' ? 'Enter the minutes as a number from 0, with at most two decimals' : field === 'expectedIntervalMinutes' ? 'Enter whole minutes from 1 to 525600, or leave empty' : field === 'clientId' ? 'Choose a client from the list' : issue.message;
    (errors[field] ??= []).push(message);
  }
  return { input: null, errors };
}
