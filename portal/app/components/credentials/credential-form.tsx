import { CREDENTIAL_TYPES, MAX_CREDENTIAL_FIELDS, type CredentialType } from '@monoliet/contract';
import { Form } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { CsrfInput } from '../csrf-input';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { SelectField } from '../ui/select-field';
import { SubmitButton } from '../ui/submit-button';
import { TextAreaField } from '../ui/textarea-field';
import { CREDENTIAL_TYPE_LABELS, fieldRowsFor, isSecretFieldName } from './credential-presets';

export type CredentialFormKept = { serviceName: string; credentialType: CredentialType; notes: string; fieldNames: string[] };

type Row = { key: number; name: string; value: string; secret: boolean; shown: boolean };

let nextKey = 0;
const toRows = (rows: { name: string; secret: boolean }[]): Row[] => rows.map((row) => ({ ...row, key: nextKey++, value: '', shown: false }));

/**
 * Submitting a credential. The values live only in this form until they are sent: the server never sends
 * them back, not even after an error (the names are kept, the values must be typed again without
 * JavaScript; with JavaScript the form keeps them in the browser).
 */
export function CredentialForm({ errors, kept }: { errors?: Record<string, string[]>; kept?: CredentialFormKept }) {
  const [type, setType] = useState<CredentialType>(kept?.credentialType ?? 'api_key');
  const [rows, setRows] = useState<Row[]>(() => toRows(fieldRowsFor({ type, names: kept?.fieldNames })));
  // adding and removing rows needs JavaScript; without it the preset rows still submit
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);

  const update = (key: number, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const changeType = (next: CredentialType) => {
    setType(next);
    // switch to the new preset unless the client already typed values, which must not be lost
    if (rows.every((row) => row.value === '')) setRows(toRows(fieldRowsFor({ type: next })));
  };
  const fieldErrors = Object.entries(errors ?? {})
    .filter(([key]) => key === 'fields' || key.startsWith('fields.'))
    .map(([key, messages]) => (key === 'fields' ? messages[0]! : `${key.slice('fields.'.length)}: ${messages[0]}`));

  return (
    <Form method="post" className="space-y-5" noValidate autoComplete="off" data-testid="credential-form">
      <CsrfInput />
      {errors?.form ? <Notice tone="error">{errors.form[0]}</Notice> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Service" name="serviceName" required maxLength={200} placeholder="e.g. Stripe, HubSpot, Xero" defaultValue={kept?.serviceName} error={errors?.serviceName} />
        <SelectField
          label="Type"
          name="credentialType"
          value={type}
          onChange={(event) => changeType(event.target.value as CredentialType)}
          options={CREDENTIAL_TYPES.map((t) => ({ value: t, label: CREDENTIAL_TYPE_LABELS[t] }))}
          error={errors?.credentialType}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Values</legend>
        <p className="mt-0.5 text-xs text-slate-500">Name each value the way the service calls it. Values are encrypted as soon as you submit them.</p>
        <div className="mt-3 space-y-3">
          {rows.map((row, index) => (
            <div key={row.key} className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto]" data-testid="credential-field-row">
              <div>
                <label className="sr-only" htmlFor={`field-name-${row.key}`}>{`Name of value ${index + 1}`}</label>
                <input
                  id={`field-name-${row.key}`}
                  name="fieldName"
                  value={row.name}
                  onChange={(event) => update(row.key, { name: event.target.value, secret: isSecretFieldName(event.target.value) })}
                  placeholder="Name, e.g. API key"
                  maxLength={100}
                  className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand"
                />
              </div>
              <div className="relative">
                <label className="sr-only" htmlFor={`field-value-${row.key}`}>{row.name ? `Value of ${row.name}` : `Value ${index + 1}`}</label>
                <input
                  id={`field-value-${row.key}`}
                  name="fieldValue"
                  type={row.secret && !row.shown ? 'password' : 'text'}
                  value={row.value}
                  onChange={(event) => update(row.key, { value: event.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="Paste the value"
                  className="block w-full rounded-md border-0 px-3 py-2 pr-14 font-mono text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand"
                />
                {interactive && row.secret ? (
                  <button type="button" onClick={() => update(row.key, { shown: !row.shown })} className="absolute inset-y-0 right-0 px-3 text-xs font-medium text-slate-500 hover:text-slate-900">
                    {row.shown ? 'Hide' : 'Show'}
                  </button>
                ) : null}
              </div>
              {interactive && rows.length > 1 ? (
                <Button variant="ghost" size="sm" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))} aria-label={`Remove ${row.name || `value ${index + 1}`}`}>
                  Remove
                </Button>
              ) : (
                <span className="hidden sm:block sm:w-16" />
              )}
            </div>
          ))}
        </div>
        {fieldErrors.length > 0 ? (
          <ul className="mt-2 space-y-0.5 text-sm text-rose-600" id="credential-fields-error">
            {fieldErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {interactive && rows.length < MAX_CREDENTIAL_FIELDS ? (
          <Button variant="ghost" size="sm" className="mt-2" onClick={() => setRows((current) => [...current, ...toRows([{ name: '', secret: true }])])}>
            + Add another value
          </Button>
        ) : null}
      </fieldset>
      <TextAreaField label="Notes (optional)" name="notes" rows={2} maxLength={2000} placeholder="Anything we should know, e.g. which account or environment this is for" defaultValue={kept?.notes} error={errors?.notes} />
      <div className="flex items-center justify-between gap-4 border-t border-slate-100 pt-5">
        <p className="text-xs text-slate-500">After you submit, the values are never shown again — here or anywhere else in the portal.</p>
        <SubmitButton intent="submit" busyLabel="Encrypting…">
          Submit securely
        </SubmitButton>
      </div>
    </Form>
  );
}
