"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/platform/auth/auth";
import { authenticateStaff } from "@/lib/platform/auth/authenticate-staff";
import { credentialsSchema } from "@/lib/platform/auth/verify-credentials";
import { getDb } from "@/lib/platform/db/prisma";
import { clientAddress } from "@/lib/platform/security/rate-limit";
import { formInput } from "@/lib/platform/http/action-input";
import { safeReturnPath } from "@/lib/platform/http/safe-return-path";

export type SignInState = { error: string | null; email: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const form = formInput(formData);
  if (!form.ok) return { error: form.message, email: "" };
  const input = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof input.email === "string" ? input.email.slice(0, 320) : "";
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password.", email };
  const result = await authenticateStaff(getDb(), parsed.data, clientAddress(await headers()));
  if (!result.ok) return { error: result.message, email };
  const home = result.staff.role === "ASSOCIATE" || result.staff.role === "STORE_MANAGER" ? "/store" : "/ops";
  try {
    await signIn("credentials", { sessionId: result.sessionId, ticket: result.ticket, redirectTo: safeReturnPath(formData.get("next")) ?? home });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password.", email };
    throw error; // the redirect after a successful sign-in
  }
  return { error: null, email };
}
