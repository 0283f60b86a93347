export type StoreChoice = {
  id: string;
  name: string;
  address: string;
  phone: string;
  distanceMiles: number;
  curbsideEnabled: boolean;
  readyByLabel: string | null;
  linesTotal: number;
  linesAvailable: number;
  canFillAll: boolean;
  shortProductIds: string[];
};

export type SlotChoice = { value: string; label: string; remaining: number };

export type CheckoutResult =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; alternatives?: StoreChoice[] };
