import type { DomainErrorCode } from "@/lib/platform/errors";
import { isDomainError } from "@/lib/platform/errors";

/** The HTTP status each domain refusal answers with, in every route handler. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  INSUFFICIENT_STOCK: 409,
  SLOT_UNAVAILABLE: 409,
  STORE_UNAVAILABLE: 409,
  PAYMENT_DECLINED: 402,
};

/** A domain refusal as a JSON response with its status; anything else is a bug and is thrown on. */
export function domainErrorResponse(error: unknown, headers?: HeadersInit): Response {
  if (!isDomainError(error)) throw error;
  const field = typeof error.details.field === "string" ? { field: error.details.field } : {};
  return Response.json({ error: error.message, ...field }, { status: DOMAIN_ERROR_STATUS[error.code], headers });
}
