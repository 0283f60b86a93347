/** A row of pill-shaped choices that scrolls sideways on a phone: a radio group, named for screen readers. */
export function ChipRadioGroup<T extends string>({ label, name, options, value, onChange }: { label: string; name: string; options: { value: T; label: string }[]; value: T | null; onChange(value: T): void }) {
  return (
    <div role="radiogroup" aria-label={label} className="flex gap-2 overflow-x-auto pb-1">
      {options.map((option) => (
        <label
          key={option.value}
          className="relative flex min-h-11 shrink-0 cursor-pointer items-center rounded-full border border-slate-300 bg-white px-4 text-sm font-medium has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
        >
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="sr-only" />
          {option.label}
        </label>
      ))}
    </div>
  );
}
