import type { Chain, ChainStepStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import type { OrderSnapshot } from "./compare-systems";
import { deliveryLeftSource } from "./locate-failure";

type Rows = {
  status: OrderStatus;
  storeCode: string;
  storefrontView: string | null;
  allocations: { status: string; stagingBin: string | null; storeCode: string }[];
  task: { status: string; stagingBin: string | null; storeCode: string } | null | undefined;
  messageKinds: string[];
  steps: { chain: Chain; stepNumber: number; status: ChainStepStatus }[];
  /** The delivery of the POS's pickup event to the OMS, if one was ever written. */
  pickupDelivery: Parameters<typeof deliveryLeftSource>[0] | undefined;
};

/** What reconciliation compares for one order, from the rows each system keeps. */
export function orderSnapshot(rows: Rows): OrderSnapshot {
  return {
    status: rows.status,
    storefrontView: rows.storefrontView,
    allocations: rows.allocations.map((allocation) => allocation.status),
    heldBins: rows.allocations.filter((allocation) => allocation.status === "HELD").map((allocation) => allocation.stagingBin),
    posStatus: rows.task?.status ?? null,
    posBin: rows.task?.stagingBin ?? null,
    messageKinds: rows.messageKinds,
    arrivedSteps: rows.steps.filter((step) => step.status === "DELIVERED").map((step) => `${step.chain}:${step.stepNumber}`),
    chains: [...new Set(rows.steps.map((step) => step.chain))],
    pickupLeftPos: rows.pickupDelivery ? deliveryLeftSource(rows.pickupDelivery) : false,
    storeCode: rows.storeCode,
    posStoreCode: rows.task?.storeCode ?? null,
    heldAtStores: [...new Set(rows.allocations.filter((allocation) => allocation.status === "HELD").map((allocation) => allocation.storeCode))],
  };
}
