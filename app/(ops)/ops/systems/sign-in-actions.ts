"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { ADMIN_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { unlockSignIn } from "@/lib/platform/auth/sign-in-throttle";
import { getDb } from "@/lib/platform/db/prisma";

// Printable text only: a NUL or a control character could never name a lock, and would not survive the query.
const lockSchema = z.object({ key: z.string("That lock is not known. Reload the page.").regex(/^(account|client):[^\u0000-\u001f\u007f]{1,400}$/, "That lock is not known. Reload the page.") });

/** Lifts a sign-in lock (an account's or a client's) before it runs out, and audits who did. */
export async function unlockSignInAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff({ roles: ADMIN_ROLES, denied: "Only an admin can unlock sign-in.", form: true }, lockSchema, formData, async ({ key }, staff) => {
    const db = getDb();
    if (!(await unlockSignIn(db, key))) return { ok: false, message: "That lock has already been lifted." };
    const [kind, who] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    await db.signInAudit.create({ data: { email: kind === "account" ? who : "", client: kind === "client" ? who : "", outcome: "unlocked", actor: staff.name } });
    revalidatePath("/ops/systems");
    return { ok: true, message: `Unlocked ${kind === "account" ? who : `client ${who}`}.` };
  });
}
