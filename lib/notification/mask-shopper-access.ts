/**
 * Staff may read what was sent, but a pickup code, or the order link that shows it,
 * releases an order: both are masked wherever staff read messages.
 */
export function maskShopperAccess(text: string): string {
  return text.replace(/((?:pickup )?code\W{0,4})\d{6}\b/gi, "$1••••••").replace(/(\/orders\/)[A-Za-z0-9_-]{20,}/g, "$1••••••");
}
