import { z } from "zod";
import type { Db } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "./passwords";

export type StaffIdentity = { id: string; email: string; name: string; role: Role };

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter your work email.")),
  password: z.string().min(1, "Enter your password.").max(200),
});

// Checked when the email is unknown too, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(db: Db, input: unknown): Promise<StaffIdentity | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  decoyHash ??= hashPassword("decoy password that never matches");
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), parsed.data.password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
