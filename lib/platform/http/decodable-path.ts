export const UNDECODABLE_PATH_MESSAGE = "The address holds a percent-escape that is not UTF-8 text (or a NUL); check the link.";

/**
 * Whether every segment of a URL path decodes to text: `%ED%A0%80` (half a surrogate pair)
 * or a lone `%` cannot, and the router would fail on it while reading the route's params.
 * A NUL (`%00`) decodes but can name nothing, so it is refused too.
 */
export function isDecodablePath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (decoded.includes("\u0000")) return false;
  }
  return true;
}
