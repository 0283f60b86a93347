/** How many units of a line an associate takes out (short, or declined at the counter): 1 up to `max`. */
export function UnitsField({ id, label, max, value, onChange }: { id: string; label: string; max: number; value: string; onChange: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className="block text-base font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 block min-h-12 w-24 rounded-lg border-2 border-slate-400 px-3 text-lg"
      />
    </div>
  );
}
