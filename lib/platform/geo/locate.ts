import zipcodes from "zipcodes";
import type { Coordinates } from "./distance";

// Turns what a shopper types ("78701", "Austin", "Portland, ME") into coordinates
// using the offline US ZIP dataset shipped in the `zipcodes` package: no network
// geocoding, nothing leaves the server.

export type Place = Coordinates & { label: string };
export type LocateResult = { ok: true; place: Place } | { ok: false; message: string };

type ZipRecord = { zip: string; latitude: number; longitude: number; city: string; state: string };

function centroid(records: ZipRecord[], label: string): Place {
  const latitude = records.reduce((sum, r) => sum + r.latitude, 0) / records.length;
  const longitude = records.reduce((sum, r) => sum + r.longitude, 0) / records.length;
  return { latitude, longitude, label };
}

let citiesByName: Map<string, ZipRecord[]> | undefined;
function cityIndex(): Map<string, ZipRecord[]> {
  if (!citiesByName) {
    citiesByName = new Map();
    for (const record of Object.values(zipcodes.codes) as ZipRecord[]) {
      const key = record.city.toLowerCase();
      const list = citiesByName.get(key) ?? [];
      list.push(record);
      citiesByName.set(key, list);
    }
  }
  return citiesByName;
}

export function locate(query: string): LocateResult {
  const text = query.trim().replace(/\s+/g, " ");
  if (text.length === 0) return { ok: false, message: "Enter a ZIP code or a city." };

  const zip = /^(\d{5})(?:-\d{4})?$/.exec(text);
  if (zip?.[1]) {
    const record = zipcodes.lookup(zip[1]) as ZipRecord | undefined;
    if (!record) return { ok: false, message: `We don't know the ZIP code ${zip[1]}. Check it, or type a city.` };
    return { ok: true, place: { latitude: record.latitude, longitude: record.longitude, label: `${record.city}, ${record.state} ${record.zip}` } };
  }
  if (/^\d+$/.test(text)) return { ok: false, message: "A US ZIP code has 5 digits." };

  const withState = /^(.+?),?\s+([A-Za-z]{2})$/.exec(text);
  if (withState?.[1] && withState[2]) {
    const records = zipcodes.lookupByName(withState[1], withState[2].toUpperCase()) as ZipRecord[];
    if (records.length > 0) return { ok: true, place: centroid(records, `${records[0]!.city}, ${records[0]!.state}`) };
  }

  const matches = cityIndex().get(text.replace(/,$/, "").toLowerCase());
  if (!matches) return { ok: false, message: `We couldn't find "${text}". Try a 5-digit ZIP code or "City, ST".` };
  // A bare city name can exist in several states: take the one with the most ZIP codes.
  const byState = new Map<string, ZipRecord[]>();
  for (const record of matches) byState.set(record.state, [...(byState.get(record.state) ?? []), record]);
  const [, records] = [...byState].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { ok: true, place: centroid(records, `${records[0]!.city}, ${records[0]!.state}`) };
}
