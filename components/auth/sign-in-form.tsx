"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(auth)/sign-in/actions";
import { Field } from "../ui/field";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, email: "" });
  return (
    <form action={action} className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="next" value={next} />
      <Field label="Email" name="email" type="email" autoComplete="username" defaultValue={state.email} required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {state.error ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="min-h-11 w-full rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:bg-slate-300">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
