import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/platform/errors";
import { normalizeCardNumber, TEST_CARDS } from "./card";

// The built-in test payment provider. It keeps its own ledger (TestProviderCharge)
// and honours idempotency keys like a real processor: repeating a call with the
// same key returns the first result instead of charging again.

export const TEST_PROVIDER = "handoff-test";
const AUTHORIZATION_VALID_DAYS = 7;

type Outcome = { reference: string; outcome: "approved" | "declined" | "insufficient_funds" };

async function once(tx: Tx, key: string, operation: string, amountCents: number, decide: () => Outcome) {
  // The first call with a key writes its result; a repeat finds the key taken and reads the first.
  const result = decide();
  const [written] = await tx.testProviderCharge.createManyAndReturn({ data: { idempotencyKey: key, operation, amountCents, ...result }, skipDuplicates: true, select: { id: true } });
  if (written) return result;
  const previous = await tx.testProviderCharge.findUniqueOrThrow({ where: { idempotencyKey: key } });
  return { reference: previous.reference, outcome: previous.outcome as Outcome["outcome"] };
}

export type Authorization = { reference: string; last4: string; expiresAt: Date; amountCents: number; idempotencyKey: string };

/**
 * Authorizes a card at checkout: declined cards throw before anything is written; an approved
 * one gives the authorization, whose ledger row (`authorizationLedgerWrite`) commits with the order.
 */
export function authorizeCard(input: { cardNumber: string; amountCents: number; idempotencyKey: string; at: Date }): Authorization {
  const digits = normalizeCardNumber(input.cardNumber);
  if (digits === normalizeCardNumber(TEST_CARDS.insufficientFunds)) {
    throw new DomainError("PAYMENT_DECLINED", "Your card was declined for insufficient funds. Try another card.", { reason: "insufficient_funds" });
  }
  if (digits === normalizeCardNumber(TEST_CARDS.declined)) {
    throw new DomainError("PAYMENT_DECLINED", "Your card was declined. Try another card or contact your bank.", { reason: "declined" });
  }
  return {
    reference: `auth_${randomUUID()}`,
    last4: digits.slice(-4),
    expiresAt: new Date(input.at.getTime() + AUTHORIZATION_VALID_DAYS * 86_400_000),
    amountCents: input.amountCents,
    idempotencyKey: input.idempotencyKey,
  };
}

/**
 * The provider's ledger row for an approved authorization, as an INSERT that can stand in a
 * larger statement. The order it pays for is unique per checkout, so the key is new whenever
 * this commits; DO NOTHING keeps a repeat from failing all the same.
 */
export function authorizationLedgerWrite(authorization: Authorization): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "TestProviderCharge" ("id", "idempotencyKey", "operation", "reference", "amountCents", "outcome")
    VALUES (gen_random_uuid(), ${authorization.idempotencyKey}, 'authorize', ${authorization.reference}, ${authorization.amountCents}, 'approved')
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

export async function voidAuthorization(tx: Tx, input: { reference: string; amountCents: number }): Promise<void> {
  await once(tx, `void:${input.reference}`, "void", input.amountCents, () => ({ reference: input.reference, outcome: "approved" }));
}

export async function captureAuthorization(tx: Tx, input: { reference: string; amountCents: number }): Promise<void> {
  await once(tx, `capture:${input.reference}`, "capture", input.amountCents, () => ({ reference: input.reference, outcome: "approved" }));
}

/**
 * Splits `amountCents` off an authorization as an authorization of its own (processors call it
 * a split or partial authorization): a second order placed from part of the first is captured or
 * voided on its own, and the first keeps the rest. Returns the new reference; the same `key`
 * splits once.
 */
export async function splitAuthorization(tx: Tx, input: { reference: string; amountCents: number; key: string }): Promise<string> {
  const result = await once(tx, `split:${input.key}`, "split", input.amountCents, () => ({ reference: `${input.reference}.${randomUUID().slice(0, 8)}`, outcome: "approved" }));
  return result.reference;
}
