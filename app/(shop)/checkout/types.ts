export type StoreChoice = {
  id: string;
  name: string;
  address: string;
  phone: string;
  distanceMiles: number;
  curbsideEnabled: boolean;
  readyByLabel: string | null;
  /** "Open now until 9 PM", in the store's zone. */
  openingStatus: string;
  hours: { weekday: number; opensAtMin: number; closesAtMin: number }[];
  linesTotal: number;
  linesAvailable: number;
  canFillAll: boolean;
  shortProductIds: string[];
  /** False for a paused or full store: shown, not choosable. */
  takingOrders: boolean;
};

export type SlotChoice = {
  value: string;
  /** "Today 12:05 PM – 1:00 PM CST" */
  label: string;
  /** The store-local day, to group times by day: "2026-12-01" and "Today". */
  day: string;
  dayLabel: string;
  /** "12:05 PM – 1:00 PM CST" */
  timeLabel: string;
  /** "Sat, Dec 5, 6:00 PM CST": when the store stops holding an order picked up in this window. */
  holdUntilLabel: string;
  remaining: number;
};

/** The cart's units held at the chosen store while the shopper pays. */
export type HoldChoice = {
  storeId: string;
  /** When the hold ends, as an ISO instant (the countdown runs on it). */
  expiresAt: string;
  /** "4:12 PM", in the store's zone. */
  untilLabel: string;
};

export type HoldResult = { ok: true; hold: HoldChoice | null } | { ok: false; message: string; alternatives?: StoreChoice[] };

export type CheckoutResult =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; alternatives?: StoreChoice[]; hold?: HoldChoice | null };
