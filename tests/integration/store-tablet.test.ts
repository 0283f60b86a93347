import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Staff } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { checkInCustomer } from "@/lib/oms/orders/check-in";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { pickupCodeFor } from "@/lib/platform/security/pickup-code";
import { cancelAtStore } from "@/lib/pos/store-queue/cancel";
import { handOver, MAX_CODE_ATTEMPTS, unlockHandover } from "@/lib/pos/store-queue/handover";
import { confirmPick, markShort, startPicking, undoPick } from "@/lib/pos/store-queue/pick";
import { loadStoreQueue } from "@/lib/pos/store-queue/queue";
import { markReady, stageOrder } from "@/lib/pos/store-queue/ready";
import { chainSteps, drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput, stockOf } from "../support/factories";

const db = () => getDb();
serveSystemsForThisFile();

const associateAt = (storeId: string): Staff => ({ id: randomUUID(), name: "Ana Associate", email: "ana@example.com", role: "ASSOCIATE", storeIds: [storeId] });
const manager: Staff = { id: randomUUID(), name: "Max Manager", email: "max@example.com", role: "MANAGER", storeIds: [] };
const DEVICE = "Tablet test device";

/** An order placed at a fresh store and delivered to its queue: two lines, 2 and 1 units. */
async function queuedOrder(options: { pickupMethod?: "IN_STORE" | "CURBSIDE" } = {}) {
  const store = await createStore(db());
  const first = await createProduct(db(), store.id, { onHand: 10 }, 1_000);
  const second = await createProduct(db(), store.id, { onHand: 10 }, 500);
  await db().inventoryLevel.updateMany({ where: { storeId: store.id, productId: first.id }, data: { location: "Aisle 2 · Bay 4" } });
  const slot = await firstSlot(db(), store.id, new Date());
  const placed = await placeOrder(
    db(),
    orderInput({ storeId: store.id, slotStartsAt: slot.startsAt, pickupMethod: options.pickupMethod ?? "IN_STORE", lines: [{ productId: first.id, quantity: 2 }, { productId: second.id, quantity: 1 }] }),
  );
  await drain();
  const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId } });
  return { store, first, second, order, number: order.number, code: pickupCodeFor(order.accessToken), associate: associateAt(store.id) };
}

async function pickEverything(staff: Staff, number: number, first: { barcode: string | null }, second: { sku: string }) {
  await confirmPick(db(), staff, { orderNumber: number, barcode: first.barcode! });
  await confirmPick(db(), staff, { orderNumber: number, barcode: first.barcode! });
  await confirmPick(db(), staff, { orderNumber: number, sku: second.sku });
}

async function readyOrder() {
  const placed = await queuedOrder();
  await startPicking(db(), placed.associate, placed.number);
  await pickEverything(placed.associate, placed.number, placed.first, placed.second);
  await stageOrder(db(), placed.associate, { orderNumber: placed.number, bin: "A-12" });
  await markReady(db(), placed.associate, placed.number);
  await drain();
  return placed;
}

describe("the store queue", () => {
  it("receives a new order from the bus with its pick list and a 15-minute pick-to-ready target", async () => {
    const { store, first, order, number } = await queuedOrder();
    const task = await db().posOrderTask.findUniqueOrThrow({ where: { orderNumber: number }, include: { lines: true } });
    expect(task).toMatchObject({ status: "new", storeCode: store.code, customerFirstName: "Test", itemCount: 3, pickupMethod: "IN_STORE" });
    expect(task.pickTargetAt!.getTime() - order.placedAt.getTime()).toBe(15 * 60_000); // the test store never closes
    const line = task.lines.find((candidate) => candidate.sku === first.sku)!;
    expect(line).toMatchObject({ quantity: 2, barcode: first.barcode, imageUrl: first.imageUrl, location: "Aisle 2 · Bay 4", pickedQuantity: 0 });

    const queue = await loadStoreQueue(db(), store);
    expect(queue.tabs.new.map((card) => card.orderNumber)).toEqual([number]);
  });

  it("takes an order from new to picked up: scan, stage, ready, check-in, handover — confirmed through the bus", async () => {
    const { store, first, second, order, number, code, associate } = await queuedOrder({ pickupMethod: "CURBSIDE" });
    await startPicking(db(), associate, number);
    await expect(confirmPick(db(), associate, { orderNumber: number, barcode: "0000000000000" })).rejects.toThrow(/not on order/);
    await pickEverything(associate, number, first, second);
    await expect(confirmPick(db(), associate, { orderNumber: number, sku: second.sku })).rejects.toThrow(/already picked/);
    await expect(markReady(db(), associate, number)).rejects.toThrow(/Stage the order/);
    await stageOrder(db(), associate, { orderNumber: number, bin: "A-12" });
    await markReady(db(), associate, number);
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("READY");
    expect((await loadStoreQueue(db(), store)).tabs.ready.map((card) => card.orderNumber)).toEqual([number]);

    await checkInCustomer(db(), { orderId: order.id, parkingBay: "4", carDescription: "Red Civic" });
    await drain();
    const queue = await loadStoreQueue(db(), store);
    expect(queue.tabs.ready).toEqual([]);
    expect(queue.tabs.curbside).toMatchObject([{ orderNumber: number, parkingBay: "4", carDescription: "Red Civic" }]);

    expect(await handOver(db(), associate, { orderNumber: number, code: `HANDOFF:${number}:${code}`, idChecked: true }, DEVICE)).toEqual({ ok: true, verifiedBy: "qr_code" });
    // The POS has it done; the OMS closes the order only once the event crosses the bus.
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("READY");
    await drain();
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PICKED_UP");
    expect((await chainSteps(order.id, "PICKUP")).every((step) => step.status === "DELIVERED")).toBe(true);
    expect((await loadStoreQueue(db(), store)).tabs.done).toMatchObject([{ orderNumber: number, status: "picked_up" }]);
    const log = await db().posEventLog.findFirstOrThrow({ where: { orderId: order.id, type: "pickup.completed" } });
    expect(log.data).toMatchObject({ associate: "Ana Associate", verifiedBy: "qr_code", idChecked: true });
    expect(await db().posAuditEntry.findMany({ where: { orderId: order.id }, select: { action: true, staffName: true, verification: true, device: true, storeCode: true } })).toEqual([
      { action: "handover", staffName: "Ana Associate", verification: "qr_code+id_check", device: DEVICE, storeCode: store.code },
    ]);
  });

  it("shows the shopper \"Being picked\" once the pick starts, through the OMS and the storefront", async () => {
    const { order, number, associate } = await queuedOrder();
    await startPicking(db(), associate, number);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PICKING" });
    expect(await db().storefrontOrderView.findUniqueOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "picking" });
    expect(await getOrderViewByToken(db(), order.accessToken)).toMatchObject({ status: "PICKING", statusLabel: "Being picked", canCancel: true });
  });

  it("shows the tablet the same pickup window as the shopper: from the promised ready time, not the slot's start", async () => {
    const { store, order, number } = await queuedOrder();
    const slot = await db().pickupSlot.findUniqueOrThrow({ where: { id: order.slotId } });
    // Ready five minutes into the slot, as an order placed mid-hour is.
    const readyAt = new Date(slot.startsAt.getTime() + 5 * 60_000);
    await db().order.update({ where: { id: order.id }, data: { promisedReadyAt: readyAt } });
    await db().posOrderTask.update({ where: { orderId: order.id }, data: { promisedReadyAt: readyAt } });
    const expected = { startsAt: readyAt.toISOString(), endsAt: slot.endsAt.toISOString() };
    const shopper = await getOrderViewByToken(db(), order.accessToken);
    const queue = await loadStoreQueue(db(), store);
    expect(shopper?.pickupWindow).toEqual(expected);
    expect(queue.tabs.new.find((card) => card.orderNumber === number)?.pickupWindow).toEqual(expected);
  });

  it("locks the handover after five wrong codes until a manager unlocks it, auditing each", async () => {
    const { order, number, code, associate } = await readyOrder();
    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      expect(await handOver(db(), associate, { orderNumber: number, code: "000000", idChecked: false }, DEVICE)).toEqual({ ok: false, attemptsLeft: MAX_CODE_ATTEMPTS - attempt, locked: false });
    }
    expect(await handOver(db(), associate, { orderNumber: number, code: `HANDOFF:${number + 1}:${code}`, idChecked: false }, DEVICE)).toEqual({ ok: false, attemptsLeft: 0, locked: true });
    await expect(handOver(db(), associate, { orderNumber: number, code, idChecked: false }, DEVICE)).rejects.toThrow(/locked/);
    await expect(unlockHandover(db(), associate, number, DEVICE)).rejects.toThrow(/Only a manager/);

    await unlockHandover(db(), manager, number, DEVICE);
    expect(await handOver(db(), associate, { orderNumber: number, code, idChecked: false }, DEVICE)).toEqual({ ok: true, verifiedBy: "pickup_code" });
    const actions = (await db().posAuditEntry.findMany({ where: { orderId: order.id }, orderBy: { occurredAt: "asc" } })).map((entry) => entry.action);
    expect(actions.filter((action) => action === "handover_code_failed")).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(actions).toEqual(expect.arrayContaining(["handover_locked", "handover_unlocked", "handover"]));
  });

  it("releases a short line, lowers the charge and tells the WMS and the customer", async () => {
    const { store, first, second, order, number, code, associate } = await queuedOrder();
    const before = await stockOf(db(), store.id, first.id);
    await confirmPick(db(), associate, { orderNumber: number, barcode: first.barcode! });
    await markShort(db(), associate, { orderNumber: number, sku: first.sku, quantity: 1, reason: "Damaged" }, DEVICE);
    await confirmPick(db(), associate, { orderNumber: number, sku: second.sku });
    await drain();

    const line = await db().orderLine.findFirstOrThrow({ where: { orderId: order.id, sku: first.sku }, include: { reservation: true } });
    expect(line).toMatchObject({ quantity: 2, shortQuantity: 1, shortReason: "Damaged" });
    expect(line.reservation).toMatchObject({ quantity: 1, status: "HELD" });
    // The short unit was never sellable: it leaves on-hand and allocated alike.
    expect(await stockOf(db(), store.id, first.id)).toMatchObject({ onHand: before.onHand - 1, allocated: before.allocated - 1 });
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).totalCents).toBe(1_000 + 500);
    expect(await db().wmsAllocation.findFirstOrThrow({ where: { orderId: order.id, sku: first.sku } })).toMatchObject({ quantity: 1, status: "HELD" });
    expect(await db().notificationMessage.findFirstOrThrow({ where: { orderId: order.id, kind: { startsWith: "lines_shorted" } } })).toMatchObject({
      body: expect.stringContaining("1 × " + first.name),
    });
    expect(await db().posAuditEntry.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ action: "short_pick", details: { sku: first.sku, quantity: 1, reason: "Damaged" } });
    // The card counts what the customer will collect: 3 items less the short one.
    expect((await loadStoreQueue(db(), store)).tabs.picking.find((card) => card.orderNumber === number)?.itemCount).toBe(2);

    await stageOrder(db(), associate, { orderNumber: number, bin: "B7" });
    await markReady(db(), associate, number);
    await drain();
    await handOver(db(), associate, { orderNumber: number, code, idChecked: false }, DEVICE);
    await drain();
    expect(await db().paymentAuthorization.findUniqueOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "CAPTURED", capturedCents: 1_500 });
    expect((await db().posOrderTask.findUniqueOrThrow({ where: { orderNumber: number } })).stagingBin).toBe("B-7");
  });

  it("takes back a mistaken pick, but never below none and never once the pick is closed", async () => {
    const { first, number, associate } = await queuedOrder();
    await confirmPick(db(), associate, { orderNumber: number, barcode: first.barcode! });
    expect(await undoPick(db(), associate, { orderNumber: number, sku: first.sku })).toMatchObject({ picked: 0, of: 2 });
    await expect(undoPick(db(), associate, { orderNumber: number, sku: first.sku })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().posOrderLine.findFirstOrThrow({ where: { task: { orderNumber: number }, sku: first.sku } })).pickedQuantity).toBe(0);
    await expect(undoPick(db(), associateAt(randomUUID()), { orderNumber: number, sku: first.sku })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await cancelAtStore(db(), associate, { orderNumber: number, reason: "Damaged" }, DEVICE);
    await drain();
    await expect(undoPick(db(), associate, { orderNumber: number, sku: first.sku })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("cancels the order when every line is short", async () => {
    const { order, number, first, second, associate } = await queuedOrder();
    await markShort(db(), associate, { orderNumber: number, sku: first.sku, quantity: 2, reason: "Not found" }, DEVICE);
    await markShort(db(), associate, { orderNumber: number, sku: second.sku, quantity: 1, reason: "Not found" }, DEVICE);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CANCELED", cancelReason: "None of the items could be found at the store" });
    expect((await db().posOrderTask.findUniqueOrThrow({ where: { orderNumber: number } })).status).toBe("canceled");
    expect(await db().paymentAuthorization.findUniqueOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "VOIDED" });
  });

  it("cancels at the POS with a reason, through the OMS's cancellation chain", async () => {
    const { order, number, associate } = await queuedOrder();
    await cancelAtStore(db(), associate, { orderNumber: number, reason: "Customer changed their mind" }, DEVICE);
    await drain();
    expect(await db().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CANCELED", cancelReason: "Customer changed their mind" });
    expect((await chainSteps(order.id, "CANCELLATION")).map((step) => [step.sourceSystem, step.status])[0]).toEqual(["POS", "DELIVERED"]);
    expect(await db().posAuditEntry.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ action: "cancel", details: { reason: "Customer changed their mind" } });
    await expect(cancelAtStore(db(), associate, { orderNumber: number, reason: "Damaged" }, DEVICE)).rejects.toThrow(/canceled at the store/);
  });
});
