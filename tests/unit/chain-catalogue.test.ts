import { describe, expect, it } from "vitest";
import { CHAIN_CATALOGUE, CHAIN_ORDER, NAMED_NODES, NOTICES, type NodeName } from "@/lib/bus/chain-catalogue";
import { ancestorsOf, CHAIN_STEPS, chainStartedBy, ROUTES, stepFulfilledBy, stepsOf, type CatalogueStep } from "@/lib/bus/chain-steps";
import { EVENT } from "@/lib/bus/event-names";
import { failureNodeOf, nodeDetails } from "@/lib/monitor/cascade/failure-nodes";
import { locateFailure, type StepState } from "@/lib/monitor/cascade/locate-failure";
import { NEVER_SENT_STEPS, OVERVIEW_ROWS, overviewRowOf, UPSTREAM } from "@/lib/monitor/cascade/overview-rows";
import { nodeRecipes } from "@/lib/bus/faults/node-recipes";
import { localizeFromLogs, type SeenEvent } from "@/lib/monitor/observations/localize";
import { POS_EVENTS } from "@/lib/pos/events";

const NODE_NAMES = Object.keys(NAMED_NODES) as NodeName[];
const t0 = new Date("2026-03-03T16:00:00Z");

/** The chain's rows as the bus writes them: every step arrived except `broken`, which was dead-lettered. */
function rowsWith(broken: CatalogueStep, options: { sourceSystem?: StepState["sourceSystem"] } = {}): StepState[] {
  return stepsOf(broken.chain).map((step) => {
    const isBroken = step.stepNumber === broken.stepNumber;
    const downstream = ancestorsOf(step).some((parent) => parent.stepNumber === broken.stepNumber);
    return {
      chain: step.chain,
      stepNumber: step.stepNumber,
      sourceSystem: isBroken && options.sourceSystem ? options.sourceSystem : step.source,
      targetSystem: step.target,
      description: step.description,
      status: isBroken ? "DEAD_LETTERED" : downstream ? "PENDING" : "DELIVERED",
      expectedBy: new Date(t0.getTime() + step.deadlineSeconds * 1000),
      arrivedAt: isBroken || downstream ? null : t0,
      attempts: isBroken ? 13 : downstream ? 0 : 1,
      lastError: null,
    };
  });
}

/** The same chain as five systems' logs: every sender's outbound record, every receipt but the broken one's. */
function logsWith(broken: CatalogueStep, origin?: StepState["sourceSystem"]): SeenEvent[] {
  const lines: SeenEvent[] = [];
  for (const step of stepsOf(broken.chain)) {
    const downstream = ancestorsOf(step).some((parent) => parent.stepNumber === broken.stepNumber);
    if (downstream) continue;
    const source = step.stepNumber === broken.stepNumber && origin ? origin : step.source;
    lines.push({ system: source, eventType: step.event, direction: "sent" });
    if (step.stepNumber !== broken.stepNumber) lines.push({ system: step.target, eventType: step.event, direction: "received" });
    else if (origin) lines.push({ system: origin, eventType: step.event, direction: "received" });
  }
  return lines;
}

describe("the chain catalogue", () => {
  it("gives every step a unique id and waits only on earlier steps of its own chain, never due before them", () => {
    const ids = CHAIN_STEPS.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of CHAIN_STEPS) {
      for (const parentId of step.after) {
        const parent = CHAIN_STEPS.find((candidate) => candidate.id === parentId);
        expect(parent, `${step.id} waits on ${parentId}`).toBeDefined();
        expect(parent!.chain).toBe(step.chain);
        expect(parent!.stepNumber).toBeLessThan(step.stepNumber);
        expect(parent!.deadlineSeconds).toBeLessThanOrEqual(step.deadlineSeconds);
      }
    }
    expect(CHAIN_ORDER).toEqual(["PLACEMENT", "REROUTE", "READY", "PICKUP", "CANCELLATION", "NO_SHOW"]);
  });

  it("names DESIGN's nodes P1–P6, C1–C4 and the reroute's R1–R6, each standing for a boundary of its chain", () => {
    expect(NODE_NAMES).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "C1", "C2", "C3", "C4", "R1", "R2", "R3", "R4", "R5", "R6"]);
    const chainOf = { P: "PICKUP", C: "CANCELLATION", R: "REROUTE" } as const;
    for (const name of NODE_NAMES) {
      const used = CHAIN_STEPS.filter((step) => step.node === name || step.nodeIfNeverSent === name || step.origin?.node === name);
      expect(used.length, name).toBeGreaterThan(0);
      expect(used.every((step) => step.chain === chainOf[name[0] as keyof typeof chainOf])).toBe(true);
      // A node named after a step is that step's boundary.
      const step = CHAIN_STEPS.find((candidate) => candidate.id === name);
      if (step) expect(step.node).toBe(name);
    }
  });

  it("derives one route per crossing and per other origin, plus the notices, and nothing else", () => {
    const expected = [
      ...CHAIN_STEPS.filter((step) => step.arrives === "bus").map((step) => `${step.source}>${step.target} ${step.event} ${step.chain}:${step.stepNumber}`),
      ...CHAIN_STEPS.filter((step) => step.origin).map((step) => `${step.origin!.system}>${step.target} ${step.event} ${step.chain}:${step.stepNumber}`),
      ...NOTICES.map((notice) => `${notice.source}>${notice.target} ${notice.event} -`),
    ];
    const routes = ROUTES.map((route) => `${route.source}>${route.target} ${route.type} ${route.chain ? `${route.chain}:${route.stepNumber}` : "-"}`);
    expect(routes.sort()).toEqual(expected.sort());
    // One delivery per (sender, event, receiver): two routes there would deliver an event twice.
    const boundaries = ROUTES.map((route) => `${route.source}>${route.target} ${route.type}`);
    expect(new Set(boundaries).size).toBe(boundaries.length);
    // Every event the bus knows is carried somewhere.
    const carried = new Set(ROUTES.map((route) => route.type));
    expect(Object.values(EVENT).filter((event) => !carried.has(event))).toEqual([]);
  });

  it("maps each POS event the OMS accepts to the step its arrival fulfils, and starts the POS's chains from it", () => {
    const fromPos = ROUTES.filter((route) => route.source === "POS" && route.target === "OMS").map((route) => route.type);
    expect(Object.keys(POS_EVENTS).sort()).toEqual([...new Set(fromPos)].sort());
    expect(stepFulfilledBy("POS", EVENT.pickupCompleted, "OMS")).toEqual({ chain: "PICKUP", stepNumber: 2 });
    expect(stepFulfilledBy("POS", EVENT.orderReady, "OMS")).toEqual({ chain: "READY", stepNumber: 2 });
    expect(stepFulfilledBy("POS", EVENT.orderCanceled, "OMS")).toEqual({ chain: "CANCELLATION", stepNumber: 1 });
    expect(stepFulfilledBy("POS", EVENT.orderPickingStarted, "OMS")).toBeNull();
    expect(chainStartedBy("POS", EVENT.pickupCompleted)).toEqual({ chain: "PICKUP", arrived: ["pickup-recorded"] });
    expect(chainStartedBy("POS", EVENT.orderReady)).toEqual({ chain: "READY", arrived: ["ready-marked"] });
    expect(chainStartedBy("POS", EVENT.orderCanceled)).toEqual({ chain: "CANCELLATION", arrived: [], origin: "POS" });
    expect(chainStartedBy("POS", EVENT.orderLinesShorted)).toBeNull();
  });

  it("gives each step its failure node: the named one, node 1 when nothing left, the origin's, or its crossing", () => {
    for (const step of CHAIN_STEPS) {
      const broken = { chain: step.chain, stepNumber: step.stepNumber, sourceSystem: step.source, targetSystem: step.target, description: step.description };
      const node = failureNodeOf(broken, { leftTheSource: true });
      if (step.node) expect(node).toMatchObject({ id: NAMED_NODES[step.node].id, fixLane: NAMED_NODES[step.node].fixLane });
      else expect(node.id).toBe(`${step.chain.toLowerCase().replace("_", "-")}-step-${step.stepNumber}`);
      expect(nodeDetails(node.id)).toEqual({ fixLane: node.fixLane, parties: node.parties });
      expect(node.parties.length).toBeGreaterThan(0);
      if (step.nodeIfNeverSent) expect(failureNodeOf(broken, { leftTheSource: false }).id).toBe(NAMED_NODES[step.nodeIfNeverSent].id);
      if (step.origin) expect(failureNodeOf({ ...broken, sourceSystem: step.origin.system }, { leftTheSource: true }).id).toBe(NAMED_NODES[step.origin.node].id);
    }
    expect(nodeDetails("no-such-node")).toEqual({ fixLane: "Unknown", parties: [] });
  });

  it("derives the overview: a row per summarized chain and per named node, and counts only crossings", () => {
    const chainRows = CHAIN_ORDER.flatMap((chain) => {
      const spec = CHAIN_CATALOGUE[chain];
      return "overview" in spec ? [spec.overview.id] : [];
    });
    expect(OVERVIEW_ROWS.map((row) => row.id).sort()).toEqual([...chainRows, ...NODE_NAMES.map((name) => NAMED_NODES[name].id)].sort());
    const rowIds = new Set(OVERVIEW_ROWS.map((row) => row.id));
    for (const step of CHAIN_STEPS) {
      const row = overviewRowOf(step.chain, step.stepNumber, step.source, true);
      if (step.arrives === "transaction") expect(row, step.id).toBeNull();
      else if (step.node) expect(row).toBe(NAMED_NODES[step.node].id);
      if (row) expect(rowIds.has(row)).toBe(true);
      if (step.origin) expect(overviewRowOf(step.chain, step.stepNumber, step.origin.system, true)).toBe(NAMED_NODES[step.origin.node].id);
    }
    expect(NEVER_SENT_STEPS).toEqual([["PICKUP", 2]]);
    for (const [chain, step, dependsOn] of UPSTREAM) {
      expect(ancestorsOf(CHAIN_STEPS.find((candidate) => candidate.chain === chain && candidate.stepNumber === step)!).map((parent) => parent.stepNumber)).toContain(dependsOn);
    }
  });

  it("localizes every crossing the same way from the bus's rows and from the systems' logs", () => {
    const now = new Date(t0.getTime() + 3_600_000);
    for (const step of CHAIN_STEPS.filter((candidate) => candidate.arrives === "bus")) {
      const fromRows = locateFailure(rowsWith(step), [], now);
      const fromLogs = localizeFromLogs(logsWith(step));
      expect(fromRows?.step.stepNumber, step.id).toBe(step.stepNumber);
      expect(fromLogs, step.id).toMatchObject({ chain: step.chain, stepNumber: step.stepNumber });
      expect(fromLogs!.node).toEqual(fromRows!.node);
    }
    // The other origin of a step names its own node in both modes (seed 001's C3).
    const canceled = CHAIN_STEPS.find((step) => step.origin)!;
    expect(locateFailure(rowsWith(canceled, { sourceSystem: "POS" }), [], now)?.node.id).toBe("cancellation-3");
    expect(localizeFromLogs(logsWith(canceled, "POS"))?.node.id).toBe("cancellation-3");
  });

  it("has a fault rule that reproduces every named node", () => {
    expect(nodeRecipes().map((recipe) => recipe.node)).toEqual(NODE_NAMES);
    expect(nodeRecipes().find((recipe) => recipe.node === "P1")?.recipe).toBe("POS → OMS, pickup.completed, Pause");
  });
});

describe("the event contracts", () => {
  it("give every event a system sends on the bus a schema, and no schema to an event nobody carries", async () => {
    const { EVENT_CONTRACTS, contractOf } = await import("@/lib/bus/event-contracts");
    for (const route of ROUTES) expect(contractOf(route.source, route.type), `${route.source} ${route.type}`).not.toBeNull();
    for (const [source, contracts] of Object.entries(EVENT_CONTRACTS)) {
      for (const type of Object.keys(contracts)) expect(ROUTES.some((route) => route.source === source && route.type === type), `${source} ${type}`).toBe(true);
    }
  });
});
