/**
 * Only paths on this site: a crafted sign-in link cannot send a signed-in user elsewhere
 * (no `//host`, no backslash a browser would read as a slash, no control characters).
 */
export function safeReturnPath(next: unknown): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return null;
  return /[\\\u0000-\u001f\u007f]|%5c/i.test(next) ? null : next;
}

/** A page's path with the query it was opened with, to come back to after signing in. */
export function returnPathOf(path: string, searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
