// Order numbers are stored as integers and shown with a prefix shoppers can read out.
const PREFIX = "H-";

export function formatOrderNumber(number: number): string {
  return `${PREFIX}${number}`;
}

export function parseOrderNumber(text: string): number | null {
  const match = /^\s*(?:H-?)?(\d{1,10})\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : null;
}
