import { describe, expect, it } from "vitest";
import { localizeFromLogs, type SeenEvent } from "@/lib/monitor/observations/localize";

const line = (system: SeenEvent["system"], eventType: string, direction: "sent" | "received" = "received"): SeenEvent => ({ system, eventType, direction });

const PLACED = (["OMS", "WMS", "POS", "STOREFRONT", "NOTIFICATION"] as const).map((system) => line(system, "order.created"));
const READY = [line("POS", "order.ready"), line("POS", "order.ready", "sent"), ...(["OMS", "STOREFRONT", "NOTIFICATION", "WMS"] as const).map((system) => line(system, "order.ready"))];

describe("localizing a cascade from uploaded logs", () => {
  it("takes a POS's outbound record of its pickup as the POS having logged it", () => {
    const verdict = localizeFromLogs([...PLACED, ...READY, line("POS", "pickup.completed", "sent"), line("OMS", "pickup.completed")]);
    expect(verdict).toMatchObject({ chain: "PICKUP", stepNumber: 3, missing: "OMS never logged order.picked_up" });
    expect(verdict?.missing).not.toContain("POS never logged");
  });

  it("says the event left its source when the source sent it and the receiver never logged it", () => {
    const verdict = localizeFromLogs([...PLACED, ...READY, line("POS", "pickup.completed", "sent")]);
    expect(verdict).toMatchObject({ node: { id: "pickup-2" }, stepNumber: 2, missing: "POS sent pickup.completed; OMS never logged receiving it" });
  });

  it("says nothing left the source when it has no outbound record (seed 000 node 1)", () => {
    const verdict = localizeFromLogs([...PLACED, ...READY, line("POS", "pickup.completed")]);
    expect(verdict).toMatchObject({ node: { id: "pickup-1" }, stepNumber: 2, missing: "POS has no record of sending pickup.completed; OMS never logged it" });
  });
});
