import { openStaffSession } from "@/lib/platform/auth/staff-session";
import { getDb } from "@/lib/platform/db/prisma";

/** What Auth.js's auth() returns for a signed-in staff member: their id and a session that stands. */
export async function signedInAs(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true } });
  const session = await openStaffSession(getDb(), user);
  return { user: { id: userId, sessionId: session.id } };
}
