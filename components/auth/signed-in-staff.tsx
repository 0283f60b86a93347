import { signOutAction } from "@/app/(auth)/sign-out-action";
import type { Staff } from "@/lib/platform/auth/staff";

/** Who is signed in, and the way out; in the header of every staff area. */
export function SignedInStaff({ staff, buttonClassName }: { staff: Staff | null; buttonClassName: string }) {
  if (!staff) return null;
  return (
    <form action={signOutAction} className="ml-auto flex items-center gap-3">
      <span>
        {staff.name} · {staff.role.toLowerCase().replace("_", " ")}
      </span>
      <button type="submit" className={`min-h-11 rounded-md border px-4 ${buttonClassName}`}>
        Sign out
      </button>
    </form>
  );
}
