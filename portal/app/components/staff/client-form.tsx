import type { ClientDto } from '@monoliet/contract';
import { Form, Link } from '@remix-run/react';
import { CsrfInput } from '../csrf-input';
import { buttonClass } from '../ui/button';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { SelectField } from '../ui/select-field';
import { SubmitButton } from '../ui/submit-button';
import { TextAreaField } from '../ui/textarea-field';

type Errors = Record<string, string[]> | undefined;
type Values = Record<string, string | undefined>;

/** Create or edit a client; errors show next to their fields and what was typed stays. */
export function ClientForm({ client, values, errors, cancelTo }: { client?: ClientDto; values?: Values; errors: Errors; cancelTo: string }) {
  const value = (name: keyof ClientDto) => values?.[name] ?? (client ? String(client[name] ?? '') : undefined);
  return (
    <Form method="post" className="space-y-8" noValidate>
      <CsrfInput />
      {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
      {errors && !errors.form ? <Notice tone="error">Please correct the fields marked below.</Notice> : null}
      <Section title="Company" text="Who the client is and how to reach them.">
        <Field label="Company name" name="companyName" required defaultValue={value('companyName')} error={errors?.companyName} className="sm:col-span-2" />
        <Field label="Slug" name="slug" defaultValue={value('slug')} error={errors?.slug} hint={client ? 'Used in n8n tags (client:<slug>); changing it breaks existing tags.' : 'Leave empty to derive it from the company name.'} />
        <SelectField label="Status" name="status" defaultValue={value('status') ?? 'active'} error={errors?.status} options={[{ value: 'active', label: 'Active' }, { value: 'paused', label: 'Paused' }, { value: 'churned', label: 'Churned' }]} />
        <Field label="Contact name" name="contactName" defaultValue={value('contactName')} error={errors?.contactName} />
        <Field label="Contact email" name="email" type="email" required defaultValue={value('email')} error={errors?.email} />
        <Field label="Billing email" name="billingEmail" type="email" defaultValue={value('billingEmail')} error={errors?.billingEmail} hint="Invoices go here; empty: the contact email." />
        <Field label="Phone" name="phone" defaultValue={value('phone')} error={errors?.phone} />
      </Section>
      <Section title="Plan and billing" text="The fee is what the client pays each cycle: a yearly client's yearly fee. MRR counts it as a twelfth.">
        <Field label="Plan" name="plan" defaultValue={value('plan')} error={errors?.plan} placeholder="Growth" />
        <SelectField label="Billing cycle" name="billingCycle" defaultValue={value('billingCycle') ?? 'monthly'} error={errors?.billingCycle} options={[{ value: 'monthly', label: 'Monthly' }, { value: 'yearly', label: 'Yearly' }]} />
        <Field label="Fee per cycle" name="monthlyFee" inputMode="decimal" defaultValue={value('monthlyFee')} error={errors?.monthlyFee} placeholder="1490.00" />
        <Field label="Setup fee" name="setupFee" inputMode="decimal" defaultValue={value('setupFee')} error={errors?.setupFee} placeholder="2500.00" />
        <Field label="Currency" name="currency" maxLength={3} defaultValue={value('currency') ?? 'EUR'} error={errors?.currency} hint="ISO code, e.g. EUR, USD, GBP" />
        <Field label="Next billing date" name="nextBillingDate" type="date" defaultValue={value('nextBillingDate')} error={errors?.nextBillingDate} />
      </Section>
      <Section title="Internal notes" text="Only staff see these.">
        <TextAreaField label="Notes" name="notes" rows={4} defaultValue={value('notes')} error={errors?.notes} className="sm:col-span-2" />
      </Section>
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-6">
        <Link to={cancelTo} className={buttonClass({ variant: 'secondary' })}>
          Cancel
        </Link>
        <SubmitButton busyLabel="Saving…">{client ? 'Save changes' : 'Create client'}</SubmitButton>
      </div>
    </Form>
  );
}

function Section({ title, text, children }: { title: string; text: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-6 lg:grid-cols-3">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        <p className="mt-1 text-sm text-slate-500">{text}</p>
      </div>
      <div className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2 lg:col-span-2">{children}</div>
    </section>
  );
}
