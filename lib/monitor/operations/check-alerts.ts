import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import { watchedNodeHealth } from "@/lib/monitor/observations/watched-node-health";
import type { Db } from "@/lib/platform/db/prisma";
import { evaluateAlerts } from "./alerts";

/** How often the delivery worker evaluates the alert rules. */
export const ALERT_CHECK_MS = 60_000;

/** The alert rules against the bus and the watched stack as they are now. */
export async function checkAlerts(db: Db) {
  const [nodes, watchedNodes, deadLetters] = await Promise.all([nodeHealth(db), watchedNodeHealth(db), db.delivery.count({ where: { status: "DEAD" } })]);
  return evaluateAlerts(db, { nodes: [...nodes, ...watchedNodes], deadLetters });
}
