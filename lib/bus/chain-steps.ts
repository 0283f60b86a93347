import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { CHAIN_CATALOGUE, CHAIN_ORDER, NOTICES, type StepId, type StepSpec } from "./chain-catalogue";
import type { EventName } from "./event-names";

/** A catalogue step with where it sits: its chain and its number there (the rows' key). */
export type CatalogueStep = StepSpec & { id: StepId; chain: Chain; stepNumber: number };

/** Every step of every chain, in catalogue order. */
export const CHAIN_STEPS: readonly CatalogueStep[] = CHAIN_ORDER.flatMap((chain) =>
  CHAIN_CATALOGUE[chain].steps.map((step, index) => ({ ...step, chain, stepNumber: index + 1 }) as CatalogueStep),
);

const BY_ID = new Map(CHAIN_STEPS.map((step) => [step.id, step]));
const BY_POSITION = new Map(CHAIN_STEPS.map((step) => [`${step.chain}:${step.stepNumber}`, step]));

export function stepsOf(chain: Chain): CatalogueStep[] {
  return CHAIN_STEPS.filter((step) => step.chain === chain);
}

export function stepAt(chain: Chain, stepNumber: number): CatalogueStep | undefined {
  return BY_POSITION.get(`${chain}:${stepNumber}`);
}

export function stepById(id: StepId): CatalogueStep {
  return BY_ID.get(id)!;
}

/** The steps a step waits for, directly or through others. */
export function ancestorsOf(step: CatalogueStep): CatalogueStep[] {
  const found = new Map<string, CatalogueStep>();
  const visit = (ids: readonly string[]) => {
    for (const id of ids) {
      const parent = BY_ID.get(id as StepId);
      if (!parent || found.has(id)) continue;
      found.set(id, parent);
      visit(parent.after);
    }
  };
  visit(step.after);
  return [...found.values()];
}

/** One subscription: events of `type` written by `source` are delivered to `target`, fulfilling a step or not. */
export type Route = { source: SystemName; type: EventName; target: SystemName; chain?: Chain; stepNumber?: number };

// A step that crosses the bus is a route; so is a step another system may start, from there.
export const ROUTES: readonly Route[] = [
  ...CHAIN_STEPS.flatMap((step) => [
    ...(step.arrives === "bus" ? [{ source: step.source, type: step.event, target: step.target, chain: step.chain, stepNumber: step.stepNumber }] : []),
    ...(step.origin ? [{ source: step.origin.system, type: step.event, target: step.target, chain: step.chain, stepNumber: step.stepNumber }] : []),
  ]),
  ...NOTICES.map(({ source, event, target }) => ({ source, type: event, target })),
];

export function routesFor(source: SystemName, type: string): Route[] {
  return ROUTES.filter((route) => route.source === source && route.type === type);
}

/** The chain step a delivery of `type` from `source` to `target` fulfils, if any. */
export function stepFulfilledBy(source: SystemName, type: string, target: SystemName): { chain: Chain; stepNumber: number } | null {
  const route = ROUTES.find((candidate) => candidate.source === source && candidate.type === type && candidate.target === target && candidate.chain);
  return route?.chain && route.stepNumber !== undefined ? { chain: route.chain, stepNumber: route.stepNumber } : null;
}

export type ChainStart = { chain: Chain; arrived: StepId[]; origin?: SystemName; only?: StepId[] };

/** A step and every step that waits on it: the part of a chain it begins. */
export function partStartedBy(step: CatalogueStep): CatalogueStep[] {
  return stepsOf(step.chain).filter((candidate) => candidate.id === step.id || ancestorsOf(candidate).some((parent) => parent.id === step.id));
}

/**
 * The chain a system starts by recording `event` itself: the step it records in that
 * transaction arrives with it; a chain it may only start from elsewhere (a POS cancel)
 * starts with that system as the first step's source.
 */
export function chainStartedBy(system: SystemName, event: string): ChainStart | null {
  const own = CHAIN_STEPS.find((step) => step.source === system && step.target === system && step.arrives === "transaction" && step.event === event && step.after.length === 0);
  if (own) {
    const part = partStartedBy(own);
    // The whole chain when it begins there; otherwise the part it begins (a reroute's rejection).
    return part.length === stepsOf(own.chain).length ? { chain: own.chain, arrived: [own.id] } : { chain: own.chain, arrived: [own.id], only: part.map((step) => step.id) };
  }
  const origin = CHAIN_STEPS.find((step) => step.origin?.system === system && step.event === event);
  return origin ? { chain: origin.chain, arrived: [], origin: system } : null;
}
