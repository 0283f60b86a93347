import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { isDomainError } from "@/lib/platform/errors";
import { formInput, refuseInput } from "@/lib/platform/http/action-input";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { currentStaff, type Staff } from "./staff";

export type StaffGuard = {
  roles: readonly Role[];
  /** What someone signed in without one of the roles is told. */
  denied: string;
  /** What someone signed out is told; `denied` unless the page says "sign in again". */
  signedOut?: string;
  /** The action is a form's: anything but a form is refused. */
  form?: boolean;
};

/** A form's fields as a plain object for a schema: one value as a string, several as an array. */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    fields[name] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

/**
 * One server action's checks, in order: nothing unstorable in its input (and a form, when
 * the action is a form's), a signed-in staff member with one of the roles (read from the
 * database on every call), input that parses (a form's fields, or the argument itself),
 * then the use case, with its DomainErrors turned into the message for the person. The
 * action itself stays an exported async function (Next.js accepts nothing else) that
 * passes its raw argument here.
 */
export async function withStaff<S extends z.ZodType, T = undefined>(
  guard: StaffGuard,
  schema: S,
  raw: unknown,
  handler: (input: z.output<S>, staff: Staff) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const refused = guard.form ? formInput(raw) : refuseInput(raw);
  if (refused && !refused.ok) return refused;
  const staff = await currentStaff();
  if (!staff) return { ok: false, message: guard.signedOut ?? guard.denied };
  if (!guard.roles.includes(staff.role)) return { ok: false, message: guard.denied };
  const parsed = schema.safeParse(raw instanceof FormData ? formFields(raw) : raw);
  if (!parsed.success) {
    // The first problem: one sentence the person can act on.
    return { ok: false, message: parsed.error.issues[0]!.message };
  }
  try {
    return await handler(parsed.data, staff);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false, message: error.message };
  }
}
