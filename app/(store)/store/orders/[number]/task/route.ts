import { staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { parseOrderNumber } from "@/lib/platform/format/order-number";
import { domainErrorResponse } from "@/lib/platform/http/error-status";
import { STORE_ROLES, taskInScope } from "@/lib/pos/store-queue/scope";
import { toTaskView } from "@/lib/pos/store-queue/task-view";

const NOT_STORED = { "cache-control": "private, no-store" };

/** GET: one order's pick-and-handover view at the store, for its page to poll. */
export async function GET(_request: Request, context: RouteContext<"/store/orders/[number]/task">) {
  const staff = await staffWithRole([...STORE_ROLES]);
  if (!staff) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401, headers: NOT_STORED });
  const { number } = await context.params;
  const orderNumber = parseOrderNumber(number);
  if (orderNumber === null) return Response.json({ error: `"${number}" is not an order number.` }, { status: 400, headers: NOT_STORED });
  const db = getDb();
  try {
    const task = await taskInScope(db, staff, orderNumber);
    const store = await db.store.findUniqueOrThrow({ where: { code: task.storeCode }, select: { name: true, timeZone: true } });
    return Response.json(toTaskView(task, store), { headers: NOT_STORED });
  } catch (error) {
    return domainErrorResponse(error, NOT_STORED);
  }
}
