// One convention for times on the ops pages: a time that belongs to a store is shown in
// that store's zone, any other in UTC, and every time names its zone ("2:40:13 PM CST").

export const OPS_DEFAULT_ZONE = "UTC";

/** "Dec 1, 2:40:13 PM CST" */
export function formatOpsTime(date: Date | string | null | undefined, timeZone: string = OPS_DEFAULT_ZONE): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(date));
}
