import { IANAZone, type Zone } from "luxon";

/** A zone's UTC offset is constant between transitions, and every transition since 1970 falls on a quarter hour. */
const BUCKET_MS = 15 * 60_000;
const MOST_REMEMBERED = 50_000;

/**
 * An IANA zone that remembers its offsets. Luxon asks Intl for the offset of every
 * instant it touches, which costs far more than the date arithmetic itself; a store's
 * opening hours, ready-by and pickup windows touch hundreds of instants per search.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.offsets.size >= MOST_REMEMBERED) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/** The zone a store keeps its hours in, for luxon: `DateTime.fromJSDate(date, { zone: timeZone(name) })`. */
export function timeZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new RememberingZone(name);
    // An unknown name is not remembered: it stays as invalid as luxon makes it, and the map stays small.
    if (zone.isValid) zones.set(name, zone);
  }
  return zone;
}
