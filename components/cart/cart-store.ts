// The cart lives in this browser's localStorage until the order is placed. This small
// external store lets React read it with useSyncExternalStore and keeps tabs in step.

export type CartLine = { productId: string; quantity: number };

const STORAGE_KEY = "handoff.cart.v1";
const listeners = new Set<() => void>();
let cached: CartLine[] | null = null;

function readStoredCart(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (line): line is CartLine => typeof line?.productId === "string" && Number.isInteger(line?.quantity) && line.quantity > 0,
    );
  } catch {
    return [];
  }
}

export function getCartSnapshot(): CartLine[] {
  cached ??= readStoredCart();
  return cached;
}

/** On the server (and while hydrating) there is no cart yet. */
export function getServerCartSnapshot(): CartLine[] | null {
  return null;
}

export function subscribeToCart(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    cached = null;
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function updateCart(change: (lines: CartLine[]) => CartLine[]): void {
  cached = change(getCartSnapshot());
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(cached));
  for (const listener of listeners) listener();
}
