/** A store's address on one line, as every message and page shows it. */
export const storeAddress = (store: { addressLine: string; city: string; state: string; postalCode: string }) =>
  `${store.addressLine}, ${store.city}, ${store.state} ${store.postalCode}`;
