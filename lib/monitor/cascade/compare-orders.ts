import type { Db } from "@/lib/platform/db/prisma";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { compareSystems, type Mismatch } from "./compare-systems";
import { orderSnapshot } from "./order-snapshot";

export type ComparedOrder = { id: string; number: number; status: OrderStatus };

/** Reads what each system holds for these orders (one query per system) and compares: the ones that disagree, with how. */
export async function compareOrders<T extends ComparedOrder>(db: Db, orders: T[]): Promise<{ order: T; mismatches: Mismatch[] }[]> {
  const ids = orders.map((order) => order.id);
  if (ids.length === 0) return [];
  const [stores, views, allocations, tasks, messages, steps, pickupDeliveries] = await Promise.all([
    db.order.findMany({ where: { id: { in: ids } }, select: { id: true, store: { select: { code: true } } } }),
    db.storefrontOrderView.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true } }),
    db.wmsAllocation.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true, stagingBin: true, storeCode: true } }),
    db.posOrderTask.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, status: true, stagingBin: true, storeCode: true } }),
    db.notificationMessage.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, kind: true } }),
    db.chainStep.findMany({ where: { orderId: { in: ids } }, select: { orderId: true, chain: true, stepNumber: true, status: true } }),
    db.delivery.findMany({ where: { orderId: { in: ids }, chain: "PICKUP", stepNumber: 2 }, select: { orderId: true, attempts: true, status: true } }),
  ]);
  const found: { order: T; mismatches: Mismatch[] }[] = [];
  for (const order of orders) {
    const mismatches = compareSystems(
      orderSnapshot({
        status: order.status,
        storeCode: stores.find((row) => row.id === order.id)?.store.code ?? "",
        storefrontView: views.find((view) => view.orderId === order.id)?.status ?? null,
        allocations: allocations.filter((allocation) => allocation.orderId === order.id),
        task: tasks.find((task) => task.orderId === order.id),
        messageKinds: messages.filter((message) => message.orderId === order.id).map((message) => message.kind),
        steps: steps.filter((step) => step.orderId === order.id),
        pickupDelivery: pickupDeliveries.find((delivery) => delivery.orderId === order.id),
      }),
    );
    if (mismatches.length > 0) found.push({ order, mismatches });
  }
  return found;
}
