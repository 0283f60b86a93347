/**
 * A page's polled read (a GET route handler): the view as JSON, or null when it is gone
 * or no longer the caller's to see (404, 401). Anything else throws, so the page keeps
 * its last view on screen and tries again.
 */
export async function fetchView<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { cache: "no-store" });
  if (response.status === 404 || response.status === 401) return null;
  if (!response.ok) throw new Error(`This view could not be refreshed (${response.status}).`);
  return (await response.json()) as T;
}
