import { filterInputClass } from './list-controls';

export type FilterOption = { value: string; label: string };

/** A select of a staff FilterBar: "All" (no filter) and the options. */
export function FilterSelect({ label, name, value, options, className = 'w-48' }: { label: string; name: string; value: string | null | undefined; options: FilterOption[]; className?: string }) {
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ''} className={`${filterInputClass} ${className}`}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
