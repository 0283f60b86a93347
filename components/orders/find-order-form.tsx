"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { findOrderAction } from "@/app/(shop)/find-order/actions";
import { Field } from "../ui/field";

/** Order number + email or phone; the link goes to that contact, never onto this page. */
export function FindOrderForm() {
  const [state, action, pending] = useActionState(findOrderAction, null);
  const form = useRef<HTMLFormElement>(null);
  // Held here, so what was typed survives the form's reset after each answer.
  const [orderNumber, setOrderNumber] = useState("");
  const [contact, setContact] = useState("");
  useEffect(() => {
    // Focus the first field in error, so a keyboard or screen-reader user lands on it.
    form.current?.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form ref={form} action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <Field label="Order number" name="orderNumber" placeholder="H-100012" autoComplete="off" required value={orderNumber} onChange={(event) => setOrderNumber(event.target.value)} error={state?.fields?.orderNumber} />
      <Field label="Email or phone" name="contact" autoComplete="email" required hint="The one you gave at checkout." value={contact} onChange={(event) => setContact(event.target.value)} error={state?.fields?.contact} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Sending…" : "Send my order link"}
      </button>
      <div aria-live="polite">
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-emerald-800" : "text-red-700"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
