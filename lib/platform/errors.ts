// Typed domain errors. Actions and route handlers map them to user-facing results;
// anything else is a bug and surfaces as one.

export type DomainErrorCode =
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "INSUFFICIENT_STOCK"
  | "SLOT_UNAVAILABLE"
  | "STORE_UNAVAILABLE"
  | "PAYMENT_DECLINED";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** Prisma reports unique violations as P2002, plain `pg` as SQLSTATE 23505; they mean a conflict, never a crash. */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "P2002" || code === "23505";
}

/**
 * A transaction that lost a lock race (deadlock 40P01, serialization failure 40001), however the
 * driver wraps it: Prisma maps it to P2034 for model queries, and for raw SQL nests PostgreSQL's
 * code inside its driver adapter error.
 */
export function isLockConflict(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const found = error as Record<string, unknown>;
  if ([found.code, found.originalCode].some((code) => code === "40P01" || code === "40001" || code === "P2034")) return true;
  if (found.kind === "TransactionWriteConflict") return true;
  return ["meta", "cause", "driverAdapterError"].some((key) => isLockConflict(found[key], depth + 1));
}
