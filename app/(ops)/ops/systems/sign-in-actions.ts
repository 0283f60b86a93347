"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { unlockSignIn } from "@/lib/platform/auth/sign-in-throttle";
import { getDb } from "@/lib/platform/db/prisma";
import { formInput } from "@/lib/platform/http/action-input";

// Printable text only: a NUL or a control character could never name a lock, and would not survive the query.
const keySchema = z.string().regex(/^(account|client):[^\u0000-\u001f\u007f]{1,400}$/, "That lock is not known.");

/** Lifts a sign-in lock (an account's or a client's) before it runs out, and audits who did. */
export async function unlockSignInAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  const staff = await staffWithRole(ADMIN_ROLES);
  if (!staff) return { ok: false, message: "Only an admin can unlock sign-in." };
  const parsed = keySchema.safeParse(formData.get("key"));
  if (!parsed.success) return { ok: false, message: "That lock is not known. Reload the page." };
  const db = getDb();
  if (!(await unlockSignIn(db, parsed.data))) return { ok: false, message: "That lock has already been lifted." };
  const [kind, who] = [parsed.data.slice(0, parsed.data.indexOf(":")), parsed.data.slice(parsed.data.indexOf(":") + 1)];
  await db.signInAudit.create({ data: { email: kind === "account" ? who : "", client: kind === "client" ? who : "", outcome: "unlocked", actor: staff.name } });
  revalidatePath("/ops/systems");
  return { ok: true, message: `Unlocked ${kind === "account" ? who : `client ${who}`}.` };
}
