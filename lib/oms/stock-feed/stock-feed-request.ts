import { z } from "zod";
import type { StockMessageKind } from "@/lib/generated/prisma/enums";

// The public contract of POST /api/v1/stock: what a store's POS may send. Unknown fields
// are ignored, so a POS can send more than Handoff reads.

export const STOCK_MESSAGE_KINDS = ["count", "sale", "return", "damage", "receipt"] as const;
export type StockKind = (typeof STOCK_MESSAGE_KINDS)[number];

export const STOCK_KIND_ENUM: Record<StockKind, StockMessageKind> = {
  count: "COUNT",
  sale: "SALE",
  return: "RETURN",
  damage: "DAMAGE",
  receipt: "RECEIPT",
};

/** Most messages one request may carry; a POS with more sends several requests. */
export const MAX_MESSAGES_PER_REQUEST = 500;
/** Far above any real shelf, and well inside the ledger's 32-bit columns. */
export const MAX_QUANTITY = 1_000_000;

const isMovementKind = (kind: unknown) => typeof kind === "string" && kind !== "count" && (STOCK_MESSAGE_KINDS as readonly string[]).includes(kind);

// The cross-field checks below also run when another field already failed (short of a
// value zod stops at, such as a fractional number), so one response lists the problems
// together; they therefore read the value defensively.
const isObjectPayload = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export const storeCodeSchema = z.string("storeCode is required").trim().min(1, "storeCode is required").max(40, "storeCode is at most 40 characters");

export const stockMessageSchema = z
  .object({
    id: z.string("id is required").trim().min(1, "id is required").max(200, "id is at most 200 characters"),
    sequence: z
      .number("sequence must be a number")
      .int("sequence must be a whole number no larger than 9007199254740991")
      .positive("sequence must be at least 1"),
    kind: z.enum(STOCK_MESSAGE_KINDS, `kind must be one of ${STOCK_MESSAGE_KINDS.join(", ")}`),
    sku: z.string("sku is required").trim().min(1, "sku is required").max(64, "sku is at most 64 characters"),
    quantity: z
      .number("quantity must be a number")
      .int("quantity must be a whole number")
      .nonnegative("quantity cannot be negative")
      .max(MAX_QUANTITY, `quantity is at most ${MAX_QUANTITY}`),
  })
  .superRefine(
    (message, ctx) => {
      // A count of 0 is an empty shelf; a movement of 0 units is a mistake worth hearing about.
      if (isMovementKind(message.kind) && message.quantity === 0) {
        ctx.addIssue({ code: "custom", path: ["quantity"], message: `a ${message.kind} must move at least 1 unit` });
      }
    },
    { when: isObjectPayload },
  );

export const stockFeedRequestSchema = z
  .object({
    storeCode: storeCodeSchema,
    messages: z
      .array(stockMessageSchema, "messages must be a list")
      .min(1, "send at least one message")
      .max(MAX_MESSAGES_PER_REQUEST, `send at most ${MAX_MESSAGES_PER_REQUEST} messages per request`),
  })
  .superRefine(
    (request, ctx) => {
      if (!Array.isArray(request.messages)) return;
      const firstIndexOf = new Map<string, number>();
      request.messages.forEach((message, index) => {
        const id = (message as { id?: unknown } | null)?.id;
        if (typeof id !== "string") return;
        const first = firstIndexOf.get(id);
        if (first === undefined) firstIndexOf.set(id, index);
        else ctx.addIssue({ code: "custom", path: ["messages", index, "id"], message: `id "${id}" repeats messages.${first}.id; each message is sent once per request` });
      });
    },
    { when: isObjectPayload },
  );

export type StockFeedRequest = z.output<typeof stockFeedRequestSchema>;
export type StockFeedMessage = StockFeedRequest["messages"][number];
