import type { N8nInstanceDto } from '@monoliet/contract';
import { Form } from '@remix-run/react';
import { CsrfInput } from '../csrf-input';
import { Field } from '../ui/field';
import { SubmitButton } from '../ui/submit-button';

const BOX = 'h-4 w-4 rounded border-slate-300 accent-[var(--brand-color)]';

/**
 * Add or edit an n8n instance. The API key is never sent back to the browser: the field stays empty
 * and shows the last characters of the stored key; typing a new key replaces it.
 */
export function InstanceForm({
  instance,
  errors = {},
  values,
}: {
  instance?: Pick<N8nInstanceDto, 'name' | 'baseUrl' | 'identity' | 'hasApiKey' | 'apiKeyHint' | 'isActive'>;
  errors?: Record<string, string[]>;
  values?: Record<string, string | undefined>;
}) {
  const value = (name: 'name' | 'baseUrl' | 'identity', fallback = '') => values?.[name] ?? instance?.[name] ?? fallback;
  const active = values ? values.isActive === 'on' : (instance?.isActive ?? true);
  return (
    <Form method="post" className="space-y-4" aria-label={instance ? 'Edit the n8n instance' : 'Add an n8n instance'}>
      <CsrfInput />
      <Field label="Name" name="name" required maxLength={100} defaultValue={value('name')} error={errors.name} />
      <Field label="Base URL" name="baseUrl" type="url" required placeholder="https://n8n.example.com" defaultValue={value('baseUrl')} error={errors.baseUrl} />
      <Field
        label="API key"
        name="apiKey"
        type="password"
        autoComplete="off"
        placeholder={instance?.hasApiKey ? `Stored key ${instance.apiKeyHint ?? ''} (leave empty to keep it)` : 'n8n: Settings > n8n API'}
        error={errors.apiKey}
        hint={instance?.hasApiKey ? 'Stored encrypted and never shown again; type a new key to replace it.' : 'Without a key the instance is push-only: no sync, no activation from the portal.'}
      />
      {instance?.hasApiKey ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="removeApiKey" className={BOX} /> Remove the stored key (push-only instance)
        </label>
      ) : null}
      <Field
        label="Identity"
        name="identity"
        defaultValue={instance ? value('identity') : (values?.identity ?? '')}
        error={errors.identity}
        hint="What the Monoliet node sends with each run; defaults to the base URL."
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isActive" defaultChecked={active} className={BOX} /> Active (synced on schedule)
      </label>
      {errors.form ? <p className="text-sm text-rose-600">{errors.form[0]}</p> : null}
      <SubmitButton intent="save" busyLabel="Saving…">
        {instance ? 'Save changes' : 'Add instance'}
      </SubmitButton>
    </Form>
  );
}
