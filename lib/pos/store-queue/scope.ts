import type { Staff } from "@/lib/platform/auth/staff";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { notFound } from "@/lib/platform/errors";

/** The roles that may work a store's queue; associates and store managers only at the stores they are assigned to. */
export const STORE_ROLES = ["ASSOCIATE", "STORE_MANAGER", "MANAGER", "ADMIN"] as const;

/** The roles that may pause a store's pickup orders and set its caps (a store manager at their own stores). */
export const STORE_CAPACITY_ROLES = ["STORE_MANAGER", "MANAGER", "ADMIN"] as const;

/** A manager of the store in front of them: a store manager (scoped to their stores elsewhere), a manager or an admin. */
export function managesStores(staff: Pick<Staff, "role">): boolean {
  return (STORE_CAPACITY_ROLES as readonly string[]).includes(staff.role);
}

export function worksAllStores(staff: Pick<Staff, "role">): boolean {
  return staff.role === "MANAGER" || staff.role === "ADMIN";
}

/** The stores this staff member may see, nearest to their assignment first. */
export async function storesInScope(db: Db, staff: Staff) {
  return db.store.findMany({
    where: worksAllStores(staff) ? {} : { id: { in: staff.storeIds } },
    select: { id: true, code: true, name: true, timeZone: true },
    orderBy: { code: "asc" },
  });
}

/**
 * An order in the staff member's stores, by number. Outside their scope it does not
 * exist for them: the same "not found" as a number that was never used.
 */
export async function taskInScope(db: Db | Tx, staff: Staff, orderNumber: number) {
  const task = await db.posOrderTask.findUnique({ where: { orderNumber }, include: { lines: { orderBy: { location: "asc" } } } });
  if (!task) throw notFound(`Order H-${orderNumber}`);
  if (!worksAllStores(staff)) {
    const store = await db.store.findUnique({ where: { code: task.storeCode }, select: { id: true } });
    if (!store || !staff.storeIds.includes(store.id)) throw notFound(`Order H-${orderNumber}`);
  }
  return task;
}

export type ScopedTask = Awaited<ReturnType<typeof taskInScope>>;
