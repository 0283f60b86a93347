import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./auth";
import { resolveStaffSession } from "./staff-session";

export type Staff = { id: string; name: string; email: string; role: Role; storeIds: string[]; sessionId?: string };

export const OPS_ROLES: Role[] = ["MANAGER", "ADMIN"];
export const ADMIN_ROLES: Role[] = ["ADMIN"];

/**
 * The signed-in staff member as the database has them now: the session cookie only
 * names the user, so a changed role or store assignment (or a deleted account) takes
 * effect on the next request rather than when the cookie expires. Read once per request
 * (layout, page and actions share it).
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.user?.sessionId;
  if (!id || !sessionId) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, stores: { select: { storeId: true } } },
  });
  // The cookie is only a name: the session must still stand (not signed out, idle, or from another role).
  if (!user || !(await resolveStaffSession(getDb(), sessionId, user))) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, storeIds: user.stores.map((store) => store.storeId), sessionId };
});

/** For pages: the signed-in staff member with one of `roles`, or off to sign in. */
export async function requireStaffPage(roles: Role[], returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(staff.role)) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}&denied=1`);
  return staff;
}

/** For server actions: every action checks for itself, whatever page it came from. */
export async function staffWithRole(roles: Role[]): Promise<Staff | null> {
  const staff = await currentStaff();
  return staff && roles.includes(staff.role) ? staff : null;
}
