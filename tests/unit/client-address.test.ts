import { describe, expect, it } from "vitest";
import { clientAddressOf, isLoopback } from "@/lib/platform/http/client-address";

describe("the client address the app's server passes on", () => {
  it("is the socket's with no trusted proxy, whatever the client wrote in X-Forwarded-For", () => {
    expect(clientAddressOf("127.0.0.1", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddressOf(undefined, "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressOf(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind trusted proxies, is the entry the outermost one appended, never one the client put in front", () => {
    // client 198.51.100.7 claims 127.0.0.1; the proxy (10.0.0.2) appends what it saw.
    expect(clientAddressOf("127.0.0.1, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddressOf(["127.0.0.1", "198.51.100.7, 10.0.0.5"], "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddressOf(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddressOf("not-an-address", "10.0.0.2", 1)).toBe("unknown");
  });

  it("counts 127.0.0.0/8 and ::1 (also IPv4-mapped) as loopback, nothing else", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"].map(isLoopback)).toEqual([true, true, true, true]);
    expect(["203.0.113.9", "::ffff:203.0.113.9", "unknown", "1270.0.0.1", "fe80::1"].map(isLoopback)).toEqual([false, false, false, false, false]);
  });
});
