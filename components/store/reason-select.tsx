"use client";

import { useId } from "react";

type Props = { label: string; value: string; onChange: (value: string) => void; reasons: readonly string[] };

/** A labelled choice of reason with nothing chosen up front: the associate must pick one. */
export function ReasonSelect({ label, value, onChange, reasons }: Props) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-base font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="mt-1 block min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 text-lg">
        <option value="">Choose a reason</option>
        {reasons.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </div>
  );
}
