"use server";

import { signOut } from "@/lib/platform/auth/auth";
import { currentStaff } from "@/lib/platform/auth/staff";
import { endStaffSession } from "@/lib/platform/auth/staff-session";
import { getDb } from "@/lib/platform/db/prisma";

/** Ends the session on the server too: the old cookie opens nothing afterwards. */
export async function signOutAction() {
  const staff = await currentStaff();
  if (staff?.sessionId) {
    await endStaffSession(getDb(), staff.sessionId, "signed out");
    await getDb().signInAudit.create({ data: { email: staff.email, client: "", outcome: "signed_out" } });
  }
  await signOut({ redirectTo: "/sign-in" });
}
