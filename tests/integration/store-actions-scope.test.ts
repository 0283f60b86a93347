import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/platform/http/action-result";
import {
  cancelAtStoreAction,
  confirmPickAction,
  handOverAction,
  markReadyAction,
  markShortAction,
  stageOrderAction,
  startPickingAction,
  unlockHandoverAction,
} from "@/app/(store)/store/actions";
import { GET as taskRoute } from "@/app/(store)/store/orders/[number]/task/route";
import { GET as queueRoute } from "@/app/(store)/store/queue/[storeCode]/route";
import { getDb } from "@/lib/platform/db/prisma";
import type { StoreQueue } from "@/lib/pos/store-queue/queue";
import { placeOrder } from "@/lib/oms/orders/place-order";
import { drain, serveSystemsForThisFile } from "../support/bus-harness";
import { createProduct, createStore, firstSlot, orderInput } from "../support/factories";
import { signedInAs } from "../support/staff-session";

// The session is the one thing faked (Auth.js reads it from the request's cookie); the
// users, their store assignments and the orders are real rows.
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "scope-test" }) }));

const db = () => getDb();
serveSystemsForThisFile();

// The tablet's polled reads, called as the router calls them.
const queueOf = (storeCode: string) => queueRoute(new Request("http://localhost/store/queue"), { params: Promise.resolve({ storeCode }) });
const taskOf = (orderNumber: number) => taskRoute(new Request("http://localhost/store/orders/task"), { params: Promise.resolve({ number: String(orderNumber) }) });

let other: { storeCode: string; orderNumber: number; orderId: string; sku: string; barcode: string };
let associateOfA: string;
let associateOfB: string;

beforeAll(async () => {
  const storeA = await createStore(db());
  const storeB = await createStore(db());
  const product = await createProduct(db(), storeB.id, { onHand: 10 });
  const slot = await firstSlot(db(), storeB.id, new Date());
  const placed = await placeOrder(db(), orderInput({ storeId: storeB.id, slotStartsAt: slot.startsAt, lines: [{ productId: product.id, quantity: 1 }] }));
  await drain();
  other = { storeCode: storeB.code, orderNumber: placed.number, orderId: placed.orderId, sku: product.sku, barcode: product.barcode! };
  const user = (storeId: string) =>
    db().user.create({ data: { email: `a-${randomUUID()}@handoff.test`, name: "Associate", passwordHash: "unused", role: "ASSOCIATE", stores: { create: { storeId } } } });
  associateOfA = (await user(storeA.id)).id;
  associateOfB = (await user(storeB.id)).id;
});

/** Everything an action on the order could touch, at the store and beyond. */
async function footprint() {
  const [task, audit, posLog, events] = await Promise.all([
    db().posOrderTask.findUniqueOrThrow({ where: { orderId: other.orderId }, include: { lines: true } }),
    db().posAuditEntry.count({ where: { orderId: other.orderId } }),
    db().posEventLog.count({ where: { orderId: other.orderId } }),
    db().outboxEvent.count({ where: { orderId: other.orderId } }),
  ]);
  return { task: { ...task, updatedAt: undefined }, audit, posLog, events };
}

const ACTIONS: [string, () => Promise<ActionResult>][] = [
  ["start picking", () => startPickingAction(other.orderNumber)],
  ["confirm a line by scan", () => confirmPickAction({ orderNumber: other.orderNumber, barcode: other.barcode })],
  ["confirm a line by tap", () => confirmPickAction({ orderNumber: other.orderNumber, sku: other.sku })],
  ["mark a line short", () => markShortAction({ orderNumber: other.orderNumber, sku: other.sku, quantity: 1, reason: "Damaged" })],
  ["stage", () => stageOrderAction({ orderNumber: other.orderNumber, bin: "A-12" })],
  ["mark ready", () => markReadyAction(other.orderNumber)],
  ["hand over", () => handOverAction({ orderNumber: other.orderNumber, code: "123456", idChecked: true })],
  ["unlock a handover", () => unlockHandoverAction(other.orderNumber)],
  ["cancel", () => cancelAtStoreAction({ orderNumber: other.orderNumber, reason: "Damaged" })],
];

describe("store actions outside the associate's stores", () => {
  for (const [name, run] of ACTIONS) {
    it(`"${name}" answers "not found" for another store's order and changes nothing`, async () => {
      const before = await footprint();
      session.current = await signedInAs(associateOfA);
      expect(await run()).toEqual({ ok: false, message: `Order H-${other.orderNumber} was not found.` });
      session.current = null;
      expect(await run()).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
      expect(await footprint()).toEqual(before);
    });
  }

  it("shows neither the other store's queue nor its order", async () => {
    session.current = await signedInAs(associateOfA);
    expect((await queueOf(other.storeCode)).status).toBe(404);
    expect((await taskOf(other.orderNumber)).status).toBe(404);
    session.current = await signedInAs(associateOfB);
    const queue = (await (await queueOf(other.storeCode)).json()) as StoreQueue;
    expect(queue.tabs.new.map((card) => card.orderNumber)).toEqual([other.orderNumber]);
    expect(await (await taskOf(other.orderNumber)).json()).toMatchObject({ orderNumber: other.orderNumber, status: "new" });
  });

  it("lets the store's own associate act on it", async () => {
    session.current = await signedInAs(associateOfB);
    expect(await startPickingAction(other.orderNumber)).toMatchObject({ ok: true });
    expect(await confirmPickAction({ orderNumber: other.orderNumber, barcode: other.barcode })).toMatchObject({ ok: true });
    expect(await stageOrderAction({ orderNumber: other.orderNumber, bin: "c3" })).toEqual({ ok: true, message: "Staged in C-3." });
    expect(await stageOrderAction({ orderNumber: other.orderNumber, bin: "shelf" })).toEqual({ ok: false, message: "Enter a staging bin such as A-12." });
    expect(await unlockHandoverAction(other.orderNumber)).toEqual({ ok: false, message: "Only a manager can unlock a handover." });
  });
});
