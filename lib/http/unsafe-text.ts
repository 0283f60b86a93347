export const UNSAFE_TEXT_MESSAGE = "contains a NUL character or a broken surrogate pair, which cannot be stored";

/**
 * Where a parsed JSON value holds text PostgreSQL cannot store (a NUL character, or half
 * of a surrogate pair), as a dotted path; null when there is none. Checked before anything
 * is written, so such input is a 400 rather than a failed write.
 */
export function unsafeTextPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value) ? path || "(body)" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeTextPath(item, path ? `${path}.${index}` : String(index));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafeTextPath(key, path) ?? unsafeTextPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
