import { describe, expect, it } from "vitest";
import { formatCardNumber } from "@/components/checkout/card-number";

describe("the card number as typed", () => {
  it("groups digits in fours and refuses letters", () => {
    expect(formatCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("4242 42a4-2424x24242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("abc")).toBe("");
    expect(formatCardNumber("42424")).toBe("4242 4");
    expect(formatCardNumber("1".repeat(25)).replace(/ /g, "")).toHaveLength(19);
  });
});
