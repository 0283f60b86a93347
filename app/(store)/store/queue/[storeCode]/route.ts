import { staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { loadStoreQueue } from "@/lib/pos/store-queue/queue";
import { storesInScope, STORE_ROLES } from "@/lib/pos/store-queue/scope";

const NOT_STORED = { "cache-control": "private, no-store" };

/** GET: a store's live queue, for the tablet to poll; a store outside the associate's scope is not found. */
export async function GET(_request: Request, context: RouteContext<"/store/queue/[storeCode]">) {
  const staff = await staffWithRole([...STORE_ROLES]);
  if (!staff) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401, headers: NOT_STORED });
  const { storeCode } = await context.params;
  const db = getDb();
  const store = (await storesInScope(db, staff)).find((candidate) => candidate.code === storeCode);
  if (!store) return Response.json({ error: `No store ${storeCode} is yours to see.` }, { status: 404, headers: NOT_STORED });
  return Response.json(await loadStoreQueue(db, store), { headers: NOT_STORED });
}
