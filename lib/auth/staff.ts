import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./auth";

export type Staff = { id: string; name: string; email: string; role: Role };

export const OPS_ROLES: Role[] = ["MANAGER", "ADMIN"];
export const ADMIN_ROLES: Role[] = ["ADMIN"];

export async function currentStaff(): Promise<Staff | null> {
  const session = await auth();
  if (!session?.user?.id || !session.user.role) return null;
  return { id: session.user.id, name: session.user.name ?? "", email: session.user.email ?? "", role: session.user.role };
}

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
