/** "Items not in stock" → "items not in stock", for a reason set inside a sentence; names later in it ("1 × Wireless Mouse damaged") keep their capitals. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
