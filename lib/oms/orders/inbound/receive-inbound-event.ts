import { EVENT } from "@/lib/bus/event-names";
import type { Db, Tx } from "@/lib/platform/db/prisma";
import { ownValue } from "@/lib/platform/http/own-value";
import { stepFulfilledBy } from "@/lib/bus/chain-steps";
import { wakeDispatcher } from "@/lib/bus/outbox";
import { isDomainError } from "@/lib/platform/errors";
import { DOMAIN_ERROR_STATUS } from "@/lib/platform/http/error-status";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { parseJsonText } from "@/lib/platform/http/parse-json";
import { storableText } from "@/lib/platform/http/unsafe-text";
import { applyOnce, fieldErrors, readSignedBody, type ReceiveResult } from "@/lib/bus/receive-event";
import { cancelOrderInTx } from "@/lib/oms/orders/cancel-order";
import type { z } from "zod";
import { completePickupInTx } from "@/lib/oms/orders/complete-pickup";
import { markOrderReadyInTx } from "@/lib/oms/orders/mark-ready";
import { orderEventContext } from "@/lib/oms/orders/order-event-context";
import { shortOrderLinesInTx } from "@/lib/oms/orders/short-lines";
import { transitionOrder } from "@/lib/oms/orders/transition-order";
import { storeCannotFillInTx } from "@/lib/oms/reroute/store-cannot-fill";
import { shortRerouting } from "@/lib/oms/reroute/move-short-order";
import { isPosEventType, POS_EVENTS, type PosEventType } from "@/lib/pos/events";
import { inboundEventSchema } from "./inbound-event";

const INBOUND_SYSTEMS: Record<string, SystemName> = { pos: "POS" };

/**
 * The OMS's inbound API: a signed event from another system (today the POS) about an
 * order. 202 when applied or already applied; 400 with field errors, 401 for a bad
 * signature or stale timestamp, 404 for an unknown order, 409 when the order's state
 * does not allow it. A refused event is kept, and the chain step it should have
 * fulfilled is marked rejected, so the dashboard shows where the boundary broke.
 */
export async function receiveInboundEvent(db: Db, systemSlug: string, request: Request): Promise<ReceiveResult> {
  const system = ownValue(INBOUND_SYSTEMS, systemSlug);
  if (!system) return { status: 404, body: { error: `No system "${systemSlug}" sends events to the OMS.` } };
  const signed = await readSignedBody(db, system, request);
  if (!signed.ok) return signed.result;

  const reject = async (status: number, error: string, fields: { path: string; message: string }[], known: { orderId?: string; orderNumber?: number; type?: string } = {}) => {
    // Kept as evidence, so made storable: a parser's message may quote the offending text.
    const reason = storableText(fields.length ? `${error} ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}` : error);
    await db.$transaction(async (tx) => {
      await tx.inboundRejection.create({
        data: { system, webhookId: signed.webhookId, orderNumber: known.orderNumber ?? null, eventType: known.type ?? null, statusCode: status, reason, body: storableText(signed.body.slice(0, 10_000)) },
      });
      const step = known.type ? stepFulfilledBy(system, known.type, "OMS") : null;
      if (known.orderId && step) {
        await tx.chainStep.updateMany({
          where: { orderId: known.orderId, chain: step.chain, stepNumber: step.stepNumber, status: { not: "DELIVERED" } },
          data: { status: "REJECTED", lastError: reason, attempts: { increment: 1 } },
        });
      }
    });
    return { status, body: { error, fields } };
  };

  const json = parseJsonText(signed.body);
  if (!json.ok) return reject(400, json.error, json.field ? [json.field] : []);
  const parsed = inboundEventSchema.safeParse(json.value);
  if (!parsed.success) return reject(400, "The event does not match the expected shape.", fieldErrors(parsed.error));
  const { type, orderNumber, occurredAt, data } = parsed.data;

  const order = await db.order.findUnique({ where: { number: orderNumber }, select: { id: true } });
  if (!order) return reject(404, `There is no order ${orderNumber}.`, [], { orderNumber, type });
  const known = { orderId: order.id, orderNumber, type };
  if (!isPosEventType(type)) {
    return reject(400, `The OMS does not accept "${type}" from ${system}.`, [{ path: "type", message: `must be one of ${Object.keys(POS_EVENTS).join(", ")}` }], known);
  }
  const eventData = POS_EVENTS[type].data.safeParse(data);
  if (!eventData.success) return reject(400, `The ${type} data does not match what the OMS expects.`, fieldErrors(eventData.error, "data"), known);

  try {
    const outcome = await applyOnce(db, "OMS", `${system}:${signed.webhookId}`, type, (tx) =>
      applyPosEvent(tx, db, { type, data: eventData.data } as PosEvent, order.id, new Date(occurredAt)),
    );
    if (outcome !== "duplicate") await wakeDispatcher(db);
    return { status: 202, body: { status: outcome === "duplicate" ? "duplicate" : "applied" } };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const fields = error.code === "INVALID_INPUT" ? [{ path: `data.${String(error.details.field ?? "")}`, message: error.message }] : [];
    return reject(DOMAIN_ERROR_STATUS[error.code], error.message, fields, known);
  }
}

type PosEvent = { [K in PosEventType]: { type: K; data: z.infer<(typeof POS_EVENTS)[K]["data"]> } }[PosEventType];

async function applyPosEvent(tx: Tx, db: Db, event: PosEvent, orderId: string, at: Date) {
  switch (event.type) {
    case EVENT.orderPickingStarted:
      await transitionOrder(tx, { orderId, to: "PICKING", at, payload: { ...(await orderEventContext(tx, orderId)), associate: event.data.associate ?? null } });
      break;
    case EVENT.orderReady:
      await markOrderReadyInTx(tx, { orderId, at, stagingBin: event.data.stagingBin ?? null });
      break;
    case EVENT.pickupCompleted:
      await completePickupInTx(tx, { orderId, at, associate: event.data.associate, verifiedBy: event.data.verifiedBy ?? null });
      break;
    case EVENT.orderCanceled:
      await cancelOrderInTx(tx, { orderId, reason: event.data.reason, origin: "POS" }, at);
      break;
    case EVENT.orderLinesShorted:
      await shortOrderLinesInTx(tx, { orderId, at, lines: event.data.lines }, shortRerouting(tx, db, { orderId, at }));
      break;
    case EVENT.orderRejected:
      await storeCannotFillInTx(tx, db, { orderId, trigger: "REJECTED", reason: event.data.reason, at });
      break;
  }
  return "applied" as const;
}
