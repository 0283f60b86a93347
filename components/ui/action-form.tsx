"use client";

import { useActionState } from "react";

import type { FormState } from "@/lib/platform/http/action-result";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

type ActionFormProps = {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  children?: React.ReactNode;
  className?: string;
  danger?: boolean;
  /** Lets inputs elsewhere on the page join this form (form="…"). */
  id?: string;
  /** A fuller name for the button when several look alike (one per table row). */
  buttonLabel?: string;
};

/** A form posting to a server action, with its outcome announced next to the button. */
export function ActionForm({ action, submitLabel, pendingLabel, children, className, danger, id, buttonLabel }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form id={id} action={formAction} className={className}>
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          aria-label={buttonLabel}
          className={`min-h-11 rounded-lg px-4 font-medium disabled:opacity-60 ${
            danger ? "border border-red-300 text-red-700 hover:bg-red-50" : "bg-brand-600 text-white hover:bg-brand-700"
          }`}
        >
          {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
        </button>
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
