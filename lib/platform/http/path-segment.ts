/**
 * A dynamic route segment as the caller meant it: the router hands it over still
 * percent-encoded ("%23W1001" for "#W1001"). The path was checked to decode before the
 * router saw it; anything that still does not decode is taken as written.
 */
export function segmentValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
