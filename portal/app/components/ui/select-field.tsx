import type { SelectHTMLAttributes } from 'react';

export type SelectOption = { value: string; label: string };

/** A labelled native select (works without JavaScript) with its error message right below it. */
export function SelectField({
  label,
  name,
  options,
  error,
  hint,
  className = '',
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; options: SelectOption[]; error?: string | string[]; hint?: string }) {
  const message = Array.isArray(error) ? error[0] : error;
  const id = select.id ?? `field-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`mt-1.5 block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand ${message ? 'ring-rose-400' : 'ring-slate-300'}`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
