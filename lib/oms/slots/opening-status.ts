import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";
import { formatMinutesOfDay } from "@/lib/platform/format/store-time";
import type { StoreSchedule } from "./opening-hours";

/** "Open now until 9 PM", "Opens today at 9 AM", "Closed today": the store's day, in its own zone. */
export function openingStatus(schedule: StoreSchedule, now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone(schedule.timeZone) });
  const today = schedule.hours.find((hours) => hours.weekday === local.weekday);
  if (!today || today.closesAtMin <= today.opensAtMin) return "Closed today";
  const minute = local.hour * 60 + local.minute;
  if (minute < today.opensAtMin) return `Opens today at ${formatMinutesOfDay(today.opensAtMin)}`;
  if (minute < today.closesAtMin) return `Open now until ${formatMinutesOfDay(today.closesAtMin)}`;
  return `Closed for today (open ${formatMinutesOfDay(today.opensAtMin)} – ${formatMinutesOfDay(today.closesAtMin)})`;
}
