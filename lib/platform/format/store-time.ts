// Times are always shown in the store's zone (with its abbreviation), whatever zone
// the shopper's browser is in: the store is where the shopper has to be.

// Building an Intl.DateTimeFormat costs far more than formatting with one, and the same
// few are used for every order and store: each is built once per zone and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let built = formatters.get(key);
  if (!built) formatters.set(key, (built = new Intl.DateTimeFormat(locale, options)));
  return built;
}

export function formatStoreTime(date: Date, timeZone: string): string {
  return formatter("en-US", { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

export function formatStoreDay(date: Date, timeZone: string, now: Date = new Date()): string {
  const day = (d: Date) => formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  if (day(date) === day(now)) return "Today";
  if (day(date) === day(new Date(now.getTime() + 86_400_000))) return "Tomorrow";
  return formatter("en-US", { weekday: "long", month: "short", day: "numeric", timeZone }).format(date);
}

export function formatReadyBy(date: Date, timeZone: string, now: Date = new Date()): string {
  return `${formatStoreDay(date, timeZone, now)} ${formatStoreTime(date, timeZone)}`;
}

/** "12:05 PM – 1:00 PM CST" */
export function formatSlotTimes(startsAt: Date, endsAt: Date, timeZone: string): string {
  const short = formatter("en-US", { hour: "numeric", minute: "2-digit", timeZone });
  return `${short.format(startsAt)} – ${formatStoreTime(endsAt, timeZone)}`;
}

export function formatSlot(startsAt: Date, endsAt: Date, timeZone: string, now: Date = new Date()): string {
  return `${formatStoreDay(startsAt, timeZone, now)} ${formatSlotTimes(startsAt, endsAt, timeZone)}`;
}

export function formatMinutesOfDay(minutes: number): string {
  if (minutes >= 1440) return "midnight";
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const suffix = hour >= 12 ? "PM" : "AM";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${hour12} ${suffix}` : `${hour12}:${String(minute).padStart(2, "0")} ${suffix}`;
}

// Messages are read later than they are written: they name the date, never "Today".

/** "Sat, Dec 5, 6:00 PM CST" */
export function formatStoreDateTime(date: Date, timeZone: string): string {
  return formatter("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

/** "Sat, Dec 5, 12:05 PM – 1:00 PM CST" */
export function formatStoreWindow(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = formatter("en-US", { weekday: "short", month: "short", day: "numeric", timeZone }).format(startsAt);
  const start = formatter("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(startsAt);
  return `${day}, ${start} – ${formatStoreTime(endsAt, timeZone)}`;
}
