import { describe, expect, it } from "vitest";
import { isDecodablePath } from "@/lib/platform/http/decodable-path";

describe("paths the router can read", () => {
  it("are those whose every segment decodes to text without a NUL", () => {
    expect(["/", "/orders/abc_DEF-123", "/ops/orders/H-100012", "/store/caf%C3%A9", "/a%20b", "/%F0%9F%93%A6"].map(isDecodablePath)).toEqual([true, true, true, true, true, true]);
    expect(["/orders/%ED%A0%80", "/orders/%", "/x/%E0%A4%A", "/a%00b", "/api/v1/orders/%FF/cascade"].map(isDecodablePath)).toEqual([false, false, false, false, false]);
  });
});
