import { describe, expect, it } from "vitest";
import { maskShopperAccess } from "@/lib/notification/mask-shopper-access";

describe("messages as staff read them", () => {
  it("mask the pickup code and the order link, and keep the order number", () => {
    const sms = "Handoff: order H-100012 is ready. Tap I'm here and show code 654321 at the counter: http://localhost:3000/orders/hldAx0Xqenqg4EvsWYZr763j0O5lnatN#check-in";
    expect(maskShopperAccess(sms)).toBe("Handoff: order H-100012 is ready. Tap I'm here and show code •••••• at the counter: http://localhost:3000/orders/••••••#check-in");
    expect(maskShopperAccess("Pickup code\n\n123456\n\nOrder: H-100012")).toBe("Pickup code\n\n••••••\n\nOrder: H-100012");
    expect(maskShopperAccess("Find your order at http://localhost:3000/find-order")).toBe("Find your order at http://localhost:3000/find-order");
  });
});
