import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/platform/env";

describe("configuration", () => {
  it("gives every setting its documented default", () => {
    expect(readEnv({})).toMatchObject({
      PORT: 3000,
      HANDOFF_DEMO_DATA: "on",
      HANDOFF_DELIVERY_LEASE_SECONDS: 30,
      HANDOFF_STAFF_IDLE_MINUTES: 120,
      HANDOFF_NODE_FAILURE_THRESHOLD: 0.05,
      HANDOFF_RESYNC_CONFIRM_SECONDS: 20,
      HANDOFF_RECONCILE_MINUTES: 5,
      HANDOFF_RECONCILE_GRACE_SECONDS: 120,
      HANDOFF_INVENTORY_ACCURACY_HOURS: 24,
      HANDOFF_INTAKE_RATE_PER_SECOND: 20,
      HANDOFF_INTAKE_QUEUE_LIMIT: 10_000,
      HANDOFF_INTAKE_HIGH_VALUE_CENTS: 20_000,
      HANDOFF_UPLOAD_CONCURRENCY: 1,
      HANDOFF_TRUSTED_PROXIES: 0,
      NOTIFICATION_FROM: "Handoff <orders@handoff.local>",
    });
  });

  it("fails loudly, naming the setting, on a typo rather than running on NaN", () => {
    expect(() => readEnv({ HANDOFF_RESYNC_CONFIRM_SECONDS: "20s" })).toThrow(/HANDOFF_RESYNC_CONFIRM_SECONDS/);
    expect(() => readEnv({ HANDOFF_NODE_FAILURE_THRESHOLD: "5%" })).toThrow(/HANDOFF_NODE_FAILURE_THRESHOLD/);
    expect(() => readEnv({ HANDOFF_DEMO_DATA: "no" })).toThrow(/HANDOFF_DEMO_DATA must be on or off/);
    expect(() => readEnv({ SMTP_URL: "mail.example.com:587" })).toThrow(/SMTP_URL must start with smtp:\/\//);
    expect(() => readEnv({ HANDOFF_PUBLIC_URL: "pickup dot example" })).toThrow(/HANDOFF_PUBLIC_URL must be a URL/);
  });

  it("reads an empty variable as unset", () => {
    const env = readEnv({ HANDOFF_RECONCILE_MINUTES: "", SMTP_URL: "" });
    expect(env.HANDOFF_RECONCILE_MINUTES).toBe(5);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("follows a change to the process's environment between reads", () => {
    const before = process.env.HANDOFF_RECONCILE_MINUTES;
    try {
      process.env.HANDOFF_RECONCILE_MINUTES = "7";
      expect(readEnv().HANDOFF_RECONCILE_MINUTES).toBe(7);
      process.env.HANDOFF_RECONCILE_MINUTES = "9";
      expect(readEnv().HANDOFF_RECONCILE_MINUTES).toBe(9);
    } finally {
      if (before === undefined) delete process.env.HANDOFF_RECONCILE_MINUTES;
      else process.env.HANDOFF_RECONCILE_MINUTES = before;
    }
  });
});
