import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/platform/db/prisma";
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

export type Authorization = { reference: string; last4: string; expiresAt: Date };

export async function authorizePayment(
  tx: Tx,
  input: { cardNumber: string; amountCents: number; idempotencyKey: string; at: Date },
): Promise<Authorization> {
  const digits = normalizeCardNumber(input.cardNumber);
  const result = await once(tx, input.idempotencyKey, "authorize", input.amountCents, () => ({
    reference: `auth_${randomUUID()}`,
    outcome:
      digits === normalizeCardNumber(TEST_CARDS.declined) ? "declined"
      : digits === normalizeCardNumber(TEST_CARDS.insufficientFunds) ? "insufficient_funds"
      : "approved",
  }));
  if (result.outcome !== "approved") {
    throw new DomainError(
      "PAYMENT_DECLINED",
      result.outcome === "insufficient_funds"
        ? "Your card was declined for insufficient funds. Try another card."
        : "Your card was declined. Try another card or contact your bank.",
      { reason: result.outcome },
    );
  }
  return {
    reference: result.reference,
    last4: digits.slice(-4),
    expiresAt: new Date(input.at.getTime() + AUTHORIZATION_VALID_DAYS * 86_400_000),
  };
}

export async function voidAuthorization(tx: Tx, input: { reference: string; amountCents: number }): Promise<void> {
  await once(tx, `void:${input.reference}`, "void", input.amountCents, () => ({ reference: input.reference, outcome: "approved" }));
}

export async function captureAuthorization(tx: Tx, input: { reference: string; amountCents: number }): Promise<void> {
  await once(tx, `capture:${input.reference}`, "capture", input.amountCents, () => ({ reference: input.reference, outcome: "approved" }));
}
