type Props = { id: string; name: string; label: string; button: string; defaultValue: string; placeholder?: string; count?: { min: number; max: number } };

/** One way to pick the audited orders: a list of ids, or how many of the latest failures (a GET form, so the audit has a link). */
export function AuditForm({ id, name, label, button, defaultValue, placeholder, count }: Props) {
  return (
    <form method="get" className="flex items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          name={name}
          defaultValue={defaultValue}
          placeholder={placeholder}
          {...(count ? { type: "number", min: count.min, max: count.max } : {})}
          className={`mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3 ${count ? "w-24" : "w-96"}`}
        />
      </div>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
        {button}
      </button>
    </form>
  );
}
