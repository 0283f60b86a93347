import { getDb } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import { receiveEvent } from "@/lib/bus/receive-event";
import type { BuiltInSystem } from "@/lib/bus/built-in-system";
import { BUILT_IN_SYSTEMS } from "@/lib/systems";

export const dynamic = "force-dynamic";

// The built-in modules' receivers: each applies events addressed to it, and only those.
const RECEIVERS: Record<string, BuiltInSystem & { receiver: NonNullable<BuiltInSystem["receiver"]> }> = Object.fromEntries(
  BUILT_IN_SYSTEMS.flatMap((system) => (system.receiver ? [[system.receiver.slug, { ...system, receiver: system.receiver }]] : [])),
);

export async function POST(request: Request, context: RouteContext<"/api/v1/systems/[system]/events">) {
  const { system } = await context.params;
  const target = ownValue(RECEIVERS, system);
  if (!target) return Response.json({ error: `There is no built-in system called "${system}".` }, { status: 404 });
  const db = getDb();
  const result = await receiveEvent(db, target.name, request, target.receiver.apply);
  if (result.body.status === "applied") await target.receiver.afterApplied?.(db).catch(() => 0);
  return Response.json(result.body, { status: result.status });
}
