"use client";

import { createContext, useContext, useMemo, useSyncExternalStore } from "react";
import { getCartSnapshot, getServerCartSnapshot, subscribeToCart, updateCart, type CartLine } from "./cart-store";

export type { CartLine };

type CartContextValue = {
  lines: CartLine[];
  /** False until the browser's stored cart has been read. */
  ready: boolean;
  itemCount: number;
  add(productId: string): void;
  setQuantity(productId: string, quantity: number): void;
  remove(productId: string): void;
  clear(): void;
};

const MAX_QUANTITY = 20;
const NO_LINES: CartLine[] = [];
const CartContext = createContext<CartContextValue | null>(null);

const actions = {
  add(productId: string) {
    updateCart((lines) =>
      lines.some((line) => line.productId === productId)
        ? lines.map((line) => (line.productId === productId ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + 1) } : line))
        : [...lines, { productId, quantity: 1 }],
    );
  },
  setQuantity(productId: string, quantity: number) {
    updateCart((lines) => lines.map((line) => (line.productId === productId ? { ...line, quantity } : line)));
  },
  remove(productId: string) {
    updateCart((lines) => lines.filter((line) => line.productId !== productId));
  },
  clear() {
    updateCart(() => []);
  },
};

export function CartProvider({ children }: { children: React.ReactNode }) {
  const stored = useSyncExternalStore(subscribeToCart, getCartSnapshot, getServerCartSnapshot);
  const value = useMemo(() => {
    const lines = stored ?? NO_LINES;
    return { lines, ready: stored !== null, itemCount: lines.reduce((sum, line) => sum + line.quantity, 0), ...actions };
  }, [stored]);
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartContextValue {
  const context = useContext(CartContext);
  if (!context) throw new Error("useCart must be used inside CartProvider");
  return context;
}
