import { DateTime } from "luxon";
import { timeZone } from "@/lib/platform/time-zone";
import type { Db } from "@/lib/platform/db/prisma";
import { pickupWindow } from "@/lib/platform/format/pickup-window";
import { CLOSED_TASK_STATUSES } from "@/lib/pos/task-status";
import { QUEUE_TABS, type QueueTab } from "./queue-tabs";

export type QueueCard = {
  orderNumber: number;
  customerFirstName: string;
  itemCount: number;
  pickupMethod: string;
  status: string;
  slotStartsAt: string | null;
  slotEndsAt: string | null;
  /** When the customer can collect: what the shopper's page and messages say too. */
  pickupWindow: { startsAt: string; endsAt: string } | null;
  promisedReadyAt: string | null;
  pickTargetAt: string | null;
  readyAt: string | null;
  arrivedAt: string | null;
  parkingBay: string | null;
  carDescription: string | null;
  stagingBin: string | null;
  /** An in-store customer said "I'm here": they are at the counter, not at the curb. */
  waitingAtCounter: boolean;
  handoverLocked: boolean;
  /** Set when the store's stock shows fewer units than are held: check the shelf. */
  stockAlert: string | null;
  /** Someone else the shopper named to collect it (the code is still asked for). */
  collectorName: string | null;
  /** The OMS says it is late (not started in time, or not ready by its promise), until it is ready. */
  lateAlert: string | null;
  closedAt: string | null;
};

export type StoreQueue = { storeCode: string; timeZone: string; generatedAt: string; tabs: Record<QueueTab, QueueCard[]> };

/**
 * Which tab a queue entry shows under: a ready curbside order whose customer checked in
 * is at the curb; an in-store customer who checked in waits at the counter, on Ready.
 */
export function tabOf(task: { status: string; arrivedAt: Date | null; pickupMethod: string }): QueueTab {
  if (CLOSED_TASK_STATUSES.includes(task.status as never)) return "done";
  if (task.status === "ready") return task.arrivedAt && task.pickupMethod === "CURBSIDE" ? "curbside" : "ready";
  return task.status === "picking" ? "picking" : "new";
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const isWaitingAtCounter = (task: { status: string; arrivedAt: Date | null; pickupMethod: string }) =>
  task.status === "ready" && task.arrivedAt !== null && task.pickupMethod !== "CURBSIDE";

/** The task's pickup window as ISO strings, or null before the POS knows the slot. */
export function windowOf(task: { slotStartsAt: Date | null; slotEndsAt: Date | null; promisedReadyAt: Date | null }) {
  if (!task.slotStartsAt || !task.slotEndsAt) return null;
  const window = pickupWindow({ slotStartsAt: task.slotStartsAt, slotEndsAt: task.slotEndsAt, promisedReadyAt: task.promisedReadyAt });
  return { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() };
}

type TaskTimes = { slotStartsAt: Date | null; slotEndsAt: Date | null; promisedReadyAt: Date | null; pickTargetAt: Date | null; readyAt: Date | null; arrivedAt: Date | null };

/** An order's times as the tablet shows them, on its queue card and its own page alike. */
export function taskTimes(task: TaskTimes) {
  return {
    slotStartsAt: iso(task.slotStartsAt),
    slotEndsAt: iso(task.slotEndsAt),
    pickupWindow: windowOf(task),
    promisedReadyAt: iso(task.promisedReadyAt),
    pickTargetAt: iso(task.pickTargetAt),
    readyAt: iso(task.readyAt),
    arrivedAt: iso(task.arrivedAt),
  };
}

/**
 * The store's queue, by tab, each ordered by promised time (curbside by arrival: the
 * customer waiting longest first). "Done today" is the store's own calendar day.
 */
export async function loadStoreQueue(db: Db, store: { code: string; timeZone: string }, now = new Date()): Promise<StoreQueue> {
  const startOfDay = DateTime.fromJSDate(now, { zone: timeZone(store.timeZone) }).startOf("day").toJSDate();
  const tasks = await db.posOrderTask.findMany({
    where: {
      storeCode: store.code,
      OR: [{ status: { notIn: [...CLOSED_TASK_STATUSES] } }, { closedAt: { gte: startOfDay } }],
    },
    orderBy: [{ promisedReadyAt: "asc" }, { orderNumber: "asc" }],
  });
  const tabs = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, [] as QueueCard[]])) as Record<QueueTab, QueueCard[]>;
  for (const task of tasks) {
    const tab = tabOf(task);
    tabs[tab].push({
      orderNumber: task.orderNumber,
      customerFirstName: task.customerFirstName,
      itemCount: task.itemCount,
      pickupMethod: task.pickupMethod,
      status: task.status,
      ...taskTimes(task),
      parkingBay: task.parkingBay,
      carDescription: task.carDescription,
      stagingBin: task.stagingBin,
      waitingAtCounter: isWaitingAtCounter(task),
      handoverLocked: task.handoverLockedAt !== null,
      stockAlert: task.stockAlert,
      collectorName: task.collectorName,
      lateAlert: tab === "new" || tab === "picking" ? task.lateAlert : null,
      closedAt: iso(task.closedAt),
    });
  }
  tabs.curbside.sort((a, b) => (a.arrivedAt ?? "").localeCompare(b.arrivedAt ?? ""));
  // Someone standing at the counter comes before orders still waiting for their customer.
  tabs.ready.sort((a, b) => Number(b.waitingAtCounter) - Number(a.waitingAtCounter) || (a.arrivedAt ?? "").localeCompare(b.arrivedAt ?? ""));
  tabs.done.sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? ""));
  return { storeCode: store.code, timeZone: store.timeZone, generatedAt: now.toISOString(), tabs };
}
