import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/platform/http/safe-return-path";

describe("the page to return to after signing in", () => {
  it("is a path on this site, query included", () => {
    expect(safeReturnPath("/ops")).toBe("/ops");
    expect(safeReturnPath("/store?store=AUS-SC")).toBe("/store?store=AUS-SC");
  });

  it("is never another site, however it is spelled", () => {
    for (const next of ["//evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "https://evil.example", "/%5Cevil.example", " /ops", "/ops\r\nLocation: //evil.example", "", null]) {
      expect(safeReturnPath(next)).toBeNull();
    }
  });
});
