import { describe, expect, it } from "vitest";
import { isLockConflict } from "@/lib/platform/errors";

describe("a lost lock race", () => {
  it("is found however the driver wraps it", () => {
    expect(isLockConflict({ code: "P2034" })).toBe(true);
    expect(isLockConflict({ code: "40P01" })).toBe(true);
    expect(isLockConflict({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40P01", kind: "postgres" } } } })).toBe(true);
    expect(isLockConflict({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "TransactionWriteConflict" } } } })).toBe(true);
  });

  it("is not any other failure", () => {
    expect(isLockConflict(new Error("boom"))).toBe(false);
    expect(isLockConflict({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } })).toBe(false);
    expect(isLockConflict(null)).toBe(false);
  });
});
