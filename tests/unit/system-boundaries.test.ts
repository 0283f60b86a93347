import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rules are what keep the systems apart; these cases prove they bite.
// The cycle rule reads files from disk, and these probes exist only in memory.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function boundaryErrors(filePath: string, source: string) {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("system boundaries", () => {
  it("refuse a system importing another system's internals or the monitor", async () => {
    expect(await boundaryErrors("lib/pos/boundary-probe.ts", 'import { placeOrder as x } from "@/lib/oms/orders/place-order";')).toEqual([
      expect.stringContaining("The pos system talks to other systems only through the bus"),
    ]);
    expect(await boundaryErrors("lib/wms/boundary-probe.ts", 'import { nodeHealth as x } from "@/lib/monitor/cascade/node-health";')).toHaveLength(1);
    expect(await boundaryErrors("lib/oms/orders/boundary-probe.ts", 'import { applyPosEvent as x } from "@/lib/pos/apply-event";')).toHaveLength(1);
  });

  it("let a system use the bus, the platform and another system's published events", async () => {
    expect(await boundaryErrors("lib/wms/boundary-probe.ts", 'import { OMS_EVENTS as x } from "@/lib/oms/events";')).toEqual([]);
    expect(await boundaryErrors("lib/pos/boundary-probe.ts", 'import { writeOutboxEvent as x } from "@/lib/bus/outbox";')).toEqual([]);
    expect(await boundaryErrors("lib/notification/boundary-probe.ts", 'import { formatCents as x } from "@/lib/platform/money";')).toEqual([]);
  });

  it("keep the bus and the platform free of the systems, and let the monitor read them all", async () => {
    expect(await boundaryErrors("lib/bus/boundary-probe.ts", 'import { applyWmsEvent as x } from "@/lib/wms/apply-event";')).toHaveLength(1);
    expect(await boundaryErrors("lib/platform/boundary-probe.ts", 'import { EVENT as x } from "@/lib/bus/event-names";')).toHaveLength(1);
    expect(await boundaryErrors("lib/monitor/boundary-probe.ts", 'import { placeOrder as x } from "@/lib/oms/orders/place-order";')).toEqual([]);
  });

  it("refuse relative imports that climb out of a folder, which the rules could not see", async () => {
    expect(await boundaryErrors("lib/pos/store-queue/boundary-probe.ts", 'import { applyPosEvent as x } from "../apply-event";')).toEqual([expect.stringContaining("@/lib/")]);
  });
});
