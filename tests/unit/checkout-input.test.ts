import { describe, expect, it } from "vitest";
import { locate } from "@/lib/platform/geo/locate";
import { distanceMiles } from "@/lib/platform/geo/distance";
import { placeOrderSchema } from "@/lib/oms/orders/place-order-input";
import { hashPickupCode, pickupCodeFor, verifyPickupCode } from "@/lib/platform/security/pickup-code";
import { parseOrderNumber, formatOrderNumber } from "@/lib/platform/format/order-number";
import { passesLuhn, TEST_CARDS, normalizeCardNumber } from "@/lib/oms/payments/card";

const valid = {
  checkoutId: "7b0e2a52-3c7e-4c8e-9d55-0c1d2a6f9b11",
  storeId: "0f0e2a52-3c7e-4c8e-9d55-0c1d2a6f9b11",
  pickupMethod: "IN_STORE",
  slotStartsAt: "2026-03-03T15:00:00.000Z",
  lines: [{ productId: "1f0e2a52-3c7e-4c8e-9d55-0c1d2a6f9b11", quantity: 2 }],
  name: "Dana Shopper",
  email: "Dana@Example.com ",
  phone: "(512) 555-0199",
  cardNumber: TEST_CARDS.approved,
};

describe("checkout input", () => {
  it("accepts a complete form and normalizes it", () => {
    const parsed = placeOrderSchema.parse(valid);
    expect(parsed.email).toBe("dana@example.com");
    expect(parsed.phone).toBe("+15125550199");
    expect(parsed.cardNumber).toBe("4242424242424242");
    expect(parsed.slotStartsAt.toISOString()).toBe("2026-03-03T15:00:00.000Z");
  });

  it.each([
    ["email", "not-an-email", "Enter a valid email address."],
    ["phone", "555-01", "Enter a 10-digit US phone number."],
    ["cardNumber", "4242 4242 4242 4241", "That card number is not valid. Check the digits."],
    ["name", " ", "Enter your name."],
    ["pickupMethod", "DRONE", "Choose in-store or curbside pickup."],
    ["slotStartsAt", "tomorrow", "Choose a pickup time."],
    ["lines", [], "Your cart is empty."],
  ])("rejects a bad %s with a specific message", (field, value, message) => {
    const result = placeOrderSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });

  it("rejects quantities that are not whole, positive and at most 20", () => {
    for (const quantity of [0, -1, 1.5, 21]) {
      expect(placeOrderSchema.safeParse({ ...valid, lines: [{ ...valid.lines[0], quantity }] }).success).toBe(false);
    }
  });
});

describe("cards", () => {
  it("checks the Luhn digit", () => {
    expect(passesLuhn(normalizeCardNumber(TEST_CARDS.approved))).toBe(true);
    expect(passesLuhn(normalizeCardNumber(TEST_CARDS.declined))).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("abc")).toBe(false);
  });
});

describe("pickup codes", () => {
  const secret = "s".repeat(40);
  it("are six digits derived from the order link, verified against a keyed hash", () => {
    const code = pickupCodeFor("token-one-abcdefghijklmnop", secret);
    expect(code).toMatch(/^\d{6}$/);
    expect(pickupCodeFor("token-one-abcdefghijklmnop", secret)).toBe(code);
    const hash = hashPickupCode("order-1", code, secret);
    expect(hash).not.toContain(code);
    expect(verifyPickupCode("order-1", code, hash, secret)).toBe(true);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyPickupCode("order-1", wrong, hash, secret)).toBe(false);
    expect(verifyPickupCode("order-2", code, hash, secret)).toBe(false);
    expect(verifyPickupCode("order-1", code, hash, "t".repeat(40))).toBe(false);
  });
});

describe("order numbers", () => {
  it("read back what they print", () => {
    expect(formatOrderNumber(100123)).toBe("H-100123");
    expect(parseOrderNumber("H-100123")).toBe(100123);
    expect(parseOrderNumber("h100123")).toBe(100123);
    expect(parseOrderNumber("100123")).toBe(100123);
    expect(parseOrderNumber("H-abc")).toBeNull();
    expect(parseOrderNumber("99999999999")).toBeNull();
  });
});

describe("locating a shopper", () => {
  it("finds a ZIP code", () => {
    const result = locate("78701");
    expect(result.ok && result.place.label).toBe("Austin, TX 78701");
  });

  it("finds a city with or without its state", () => {
    const withState = locate("Portland, ME");
    expect(withState.ok && withState.place.label).toBe("Portland, ME");
    const bare = locate("austin");
    expect(bare.ok && bare.place.label).toBe("Austin, TX");
  });

  it("explains what it cannot find", () => {
    expect(locate("00000")).toEqual({ ok: false, message: "We don't know the ZIP code 00000. Check it, or type a city." });
    expect(locate("123")).toEqual({ ok: false, message: "A US ZIP code has 5 digits." });
    expect(locate("Atlantis")).toMatchObject({ ok: false });
    expect(locate("  ")).toEqual({ ok: false, message: "Enter a ZIP code or a city." });
  });

  it("measures distance in miles", () => {
    // Downtown Austin to Round Rock is about 20 miles.
    const miles = distanceMiles({ latitude: 30.2686, longitude: -97.7428 }, { latitude: 30.5553, longitude: -97.6912 });
    expect(miles).toBeGreaterThan(19);
    expect(miles).toBeLessThan(21);
  });
});
