export const UNSAFE_TEXT_MESSAGE = "contains a NUL character or a broken surrogate pair, which cannot be stored";

// PostgreSQL text cannot hold U+0000, and half of a surrogate pair is not UTF-8 at all.
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string holds text PostgreSQL cannot store. */
export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");

/** The text with anything PostgreSQL cannot store replaced by U+FFFD: for keeping a refused body as evidence. */
export function storableText(text: string): string {
  return text.replace(UNSAFE_ALL, "\ufffd");
}
