import { redirect } from "next/navigation";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { returnPathOf } from "@/lib/platform/http/safe-return-path";

export const dynamic = "force-dynamic";

/** The overview's "find a watched order" form lands here: on to the order's page, by whichever of its ids was typed. */
export default async function FindWatchedOrderPage({ searchParams }: PageProps<"/ops/watched">) {
  await requireStaffPage(OPS_ROLES, returnPathOf("/ops/watched", await searchParams));
  const { order } = await searchParams;
  const id = typeof order === "string" ? order.trim() : "";
  redirect(id ? `/ops/watched/${encodeURIComponent(id)}` : "/ops#watched-heading");
}
