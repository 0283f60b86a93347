import { nodeHealth } from "@/lib/monitor/cascade/node-health";
import type { Db } from "@/lib/platform/db/prisma";
import { evaluateAlerts } from "./alerts";

/** How often the delivery worker evaluates the alert rules. */
export const ALERT_CHECK_MS = 60_000;

/** The alert rules against the bus as it is now. */
export async function checkAlerts(db: Db) {
  const [nodes, deadLetters] = await Promise.all([nodeHealth(db), db.delivery.count({ where: { status: "DEAD" } })]);
  return evaluateAlerts(db, { nodes, deadLetters });
}
