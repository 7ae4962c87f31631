import type { WorkflowDto } from '@monoliet/contract';
import { Form } from '@remix-run/react';
import { CsrfInput } from '../csrf-input';
import { Field } from '../ui/field';
import { SelectField, type SelectOption } from '../ui/select-field';
import { SubmitButton } from '../ui/submit-button';

export type WorkflowSettingsErrors = Partial<Record<'clientId' | 'minutesSavedPerRun' | 'expectedIntervalMinutes' | 'form', string[]>>;

/** The staff settings of a workflow: its client, the minutes one successful run saves, how often it should run. */
export function WorkflowSettingsForm({
  workflow,
  clients,
  errors = {},
  values,
}: {
  workflow: Pick<WorkflowDto, 'client' | 'minutesSavedPerRun' | 'expectedIntervalMinutes'>;
  clients: SelectOption[];
  errors?: WorkflowSettingsErrors;
  values?: Record<string, string | undefined>;
}) {
  const value = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <Form method="post" className="space-y-4" aria-label="Workflow settings">
      <CsrfInput />
      <SelectField
        label="Client"
        name="clientId"
        defaultValue={value('clientId', workflow.client?.id ?? '')}
        options={[{ value: '', label: 'No client (unassigned)' }, ...clients]}
        error={errors.clientId}
        hint="The client sees the workflow, its runs and the time it saves."
      />
      <Field
        label="Minutes saved per successful run"
        name="minutesSavedPerRun"
        type="number"
        min={0}
        step="0.01"
        required
        defaultValue={value('minutesSavedPerRun', String(workflow.minutesSavedPerRun))}
        error={errors.minutesSavedPerRun}
        hint="What one run saves a person; the client's “time saved” comes from it."
      />
      <Field
        label="Expected interval (minutes)"
        name="expectedIntervalMinutes"
        type="number"
        min={1}
        step={1}
        defaultValue={value('expectedIntervalMinutes', workflow.expectedIntervalMinutes === null ? '' : String(workflow.expectedIntervalMinutes))}
        error={errors.expectedIntervalMinutes}
        hint="Leave empty for webhook-driven workflows; otherwise a missed run raises an alert."
      />
      {errors.form ? <p className="text-sm text-rose-600">{errors.form[0]}</p> : null}
      <SubmitButton intent="save" busyLabel="Saving…">
        Save settings
      </SubmitButton>
    </Form>
  );
}
