import { SettingsUpdateSchema, type SettingsDto } from '@monoliet/contract';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { PageHeader } from '~/components/app-shell';
import { CsrfInput } from '~/components/csrf-input';
import { DoneNotice } from '~/components/staff/notice-from-url';
import { Card } from '~/components/ui/card';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SubmitButton } from '~/components/ui/submit-button';
import { TextAreaField } from '~/components/ui/textarea-field';
import { redirectWithNotice } from '~/lib/bulk-actions.server';
import { formErrorsFrom } from '~/lib/client-page.server';
import { zodDetails } from '~/lib/errors.server';
import type { FormErrors } from '~/lib/forms.server';
import { formatDateTime } from '~/lib/format';
import { readSettingsForm } from '~/lib/settings-form';
import { requireStaffCaller } from '~/lib/staff-page.server';
import { updateSettings } from '~/services/settings-changes.server';
import { getSettingsDto } from '~/services/settings.server';

export const meta: MetaFunction = () => [{ title: 'Settings' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  return { settings: await getSettingsDto(caller) };
}

type ActionResult = { errors: FormErrors; values: Record<string, unknown> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller } = await requireStaffCaller({ request, context });
  const values = readSettingsForm(await request.formData());
  const parsed = SettingsUpdateSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: zodDetails(parsed.error), values }, { status: 400 });
  try {
    await updateSettings({ caller, input: parsed.data });
  } catch (error) {
    return data<ActionResult>({ errors: formErrorsFrom(error), values }, { status: 400 });
  }
  return redirectWithNotice(request, { done: 'saved' });
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card title={title}>
      <p className="-mt-1 mb-4 text-sm text-slate-500">{description}</p>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </Card>
  );
}

export default function StaffSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors;
  // after a refused save the form shows what was typed, not the stored values
  const shown = { ...settings, ...(result?.values ?? {}) } as SettingsDto;
  const field = (name: keyof SettingsDto, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} name={name} defaultValue={String(shown[name] ?? '')} error={errors?.[name]} {...props} />
  );
  return (
    <>
      <PageHeader title="Settings" description={`The whole portal's settings. Every change is in the audit log. Last changed ${formatDateTime(settings.updatedAt)}.`} />
      <DoneNotice messages={{ saved: 'Settings saved. Changed schedules are in effect now.' }} />
      {errors ? (
        <div className="mb-6">
          <Notice tone="error">{errors.form?.[0] ?? 'Nothing was saved: check the highlighted fields.'}</Notice>
        </div>
      ) : null}
      <Form method="post" className="space-y-6" noValidate>
        <CsrfInput />
        <Section title="Company and branding" description="Shown on every page, in mails and on invoices.">
          {field('companyName', 'Company name', { required: true })}
          {field('supportEmail', 'Support email', { type: 'email', required: true })}
          {field('brandColor', 'Brand colour', { hint: 'A hex colour like #4f46e5', pattern: '#[0-9a-fA-F]{6}' })}
          {field('logoUrl', 'Logo URL', { type: 'url', hint: 'https://… (leave empty for the initial)' })}
        </Section>
        <Section title="Billing" description="Defaults for new invoices and their reminders.">
          {field('invoicePrefix', 'Invoice number prefix', { hint: '1 to 10 capital letters or digits' })}
          {field('paymentTermsDays', 'Payment terms (days)', { type: 'number', min: 0, max: 365 })}
          {field('reminderDaysBefore', 'First reminder (days before due)', { type: 'number', min: 0, max: 60 })}
          {field('reminderRepeatDays', 'Repeat overdue reminders every (days)', { type: 'number', min: 1, max: 90 })}
        </Section>
        <Section title="Alerts" description="Who hears about failing workflows, and how often at most.">
          <TextAreaField label="Alert recipients" name="alertRecipients" rows={3} defaultValue={(shown.alertRecipients ?? []).join('\n')} error={errors?.alertRecipients} hint="One address per line. Empty: every active staff user." className="sm:col-span-2" />
          {field('alertThrottleMinutes', 'At most one alert per workflow every (minutes)', { type: 'number', min: 1, max: 10080 })}
        </Section>
        <Section title="Schedules" description="Cron expressions in UTC (minute hour day month weekday). A change applies at once.">
          {field('reconcileCron', 'Sync with n8n')}
          {field('remindersCron', 'Invoice reminders')}
          {field('healthCron', 'Workflow health checks')}
        </Section>
        <Section title="Workflow health" description="When a workflow counts as failing, stuck or silent.">
          {field('healthSuccessRateThreshold', 'Minimum success rate (%)', { type: 'number', min: 0, max: 100 })}
          {field('healthWindowHours', 'Measured over (hours)', { type: 'number', min: 1, max: 720 })}
          {field('healthMinRuns', 'Minimum runs before judging', { type: 'number', min: 1 })}
          {field('healthStuckMinutes', 'Running longer than (minutes) is stuck', { type: 'number', min: 1 })}
          {field('healthNoRunsDays', 'No runs for (days) is silent', { type: 'number', min: 1 })}
          <label className="flex items-center gap-2 self-end text-sm text-slate-700">
            <input type="checkbox" name="countManualRuns" defaultChecked={shown.countManualRuns} /> Count manual (editor) runs in the statistics
          </label>
        </Section>
        <div className="flex justify-end">
          <SubmitButton busyLabel="Saving…">Save settings</SubmitButton>
        </div>
      </Form>
    </>
  );
}
