import { STORE_COOKIE } from "@/lib/pos/store-queue/store-cookie";

/** The store the tablet was last working, so the queue opens on it next time. */
export function rememberStore(storeCode: string) {
  document.cookie = `${STORE_COOKIE}=${encodeURIComponent(storeCode)}; path=/store; max-age=${60 * 60 * 24 * 30}; samesite=lax`;
}
