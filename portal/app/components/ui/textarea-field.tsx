import type { TextareaHTMLAttributes } from 'react';

/** A labelled multi-line input with its error message right below it (the textarea twin of Field). */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  className = '',
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string | string[]; hint?: string }) {
  const message = Array.isArray(error) ? error[0] : error;
  const id = textarea.id ?? `field-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={5}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`mt-1.5 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand ${message ? 'ring-rose-400' : 'ring-slate-300'}`}
        {...textarea}
      />
      {message ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-rose-600">
          {message}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
