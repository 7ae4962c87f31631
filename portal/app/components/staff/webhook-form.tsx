import type { FormErrors } from '~/lib/forms.server';
import { Field } from '../ui/field';

/** The URL, events and description of a webhook subscription (create and edit share it). */
export function WebhookFields({ events, errors, values }: { events: readonly string[]; errors?: FormErrors; values?: { targetUrl?: string; events?: string[]; description?: string } }) {
  const chosen = new Set(values?.events ?? []);
  return (
    <>
      <Field label="Target URL" name="targetUrl" type="url" required placeholder="https://n8n.example.com/webhook/…" defaultValue={values?.targetUrl} error={errors?.targetUrl} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1.5 grid grid-cols-2 gap-1.5">
          {events.map((event) => (
            <label key={event} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" name="events" value={event} defaultChecked={chosen.has(event)} /> <code className="text-xs">{event}</code>
            </label>
          ))}
        </div>
        {errors?.events ? <p className="mt-1.5 text-sm text-rose-600">{errors.events[0]}</p> : null}
      </fieldset>
      <Field label="Description" name="description" defaultValue={values?.description} error={errors?.description} />
    </>
  );
}

/** The form's fields as the API's body. */
export function readWebhookForm(form: FormData) {
  return { targetUrl: String(form.get('targetUrl') ?? '').trim(), events: form.getAll('events').map(String), description: String(form.get('description') ?? '') };
}
