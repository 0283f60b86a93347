import { CHAIN_ORDER, type StepId } from "@/lib/bus/chain-catalogue";
import { ancestorsOf, stepById, stepsOf } from "@/lib/bus/chain-steps";
import type { EventName } from "@/lib/bus/event-names";
import type { FailureNode } from "@/lib/monitor/cascade/failure-nodes";
import { localize } from "@/lib/monitor/cascade/localize";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import { appliedAsMeant } from "./recorded-status";
import { meaningOf, vocabularyOf, type Vocabulary } from "./vocabulary";

/** One line of a watched stack's logs: which system saw (or sent) which event, and when by its own clock. */
export type SeenEvent = { system: SystemName; eventType: string; direction: string; observedAt?: Date; status?: string | null };
export type LogVerdict = { node: FailureNode; chain: Chain; stepNumber: number; missing: string; stuckSince?: Date } | null;

/** DESIGN's step states, the same in both modes. */
export type WatchedStepState = "arrived" | "late" | "pending" | "missing" | "wrong_type";

export type WatchedStep = {
  chain: Chain;
  step: StepId;
  stepNumber: number;
  source: SystemName;
  target: SystemName;
  event: string;
  description: string;
  state: WatchedStepState;
  expectedBy: Date;
  arrivedAt: Date | null;
  /** How long after its deadline a late step arrived. */
  lateBySeconds: number | null;
  /** How long the crossing took by the logs' own clocks: from the source's "sent" line (else from when the steps it waits for arrived, else from the chain's start) to the arrival. */
  latencyMs: number | null;
  /** What the receiver recorded it as, when that was the wrong type. */
  recordedAs: string | null;
  /** A missing step waiting behind a broken one upstream (its impact, not a failure of its own). */
  blockedBy: StepId | null;
};

export type WatchedJudgement = {
  /** "in_flight": nothing but arrived and pending steps, so nothing to flag yet. */
  state: "healthy" | "in_flight" | "broken";
  verdict: LogVerdict;
  steps: WatchedStep[];
  late: WatchedStep[];
  /** When a pending step's deadline (with the skew) passes: the order must be judged again then. */
  nextCheckAt: Date | null;
};

export type JudgeOptions = { now: Date; skewMs: number; vocabulary?: Vocabulary };

const NO_MAPPINGS = vocabularyOf([]);

const earliest = (dates: Date[]) => (dates.length ? new Date(Math.min(...dates.map((date) => date.getTime()))) : null);

/**
 * A watched order judged from its systems' logs, with the chains and deadlines the bus
 * uses. A chain is under way once its first event was seen anywhere, and its deadlines
 * count from its earliest line. A step is met when its receiving system logged its event
 * (a system's own step by any line of its own): on time, or late by how much; a step not
 * met is pending until its deadline (plus the clocks' skew) passes, then missing. The
 * missing steps go to the same localizer as the bus's own rows.
 */
export function judgeFromLogs(lines: SeenEvent[], options: JudgeOptions): WatchedJudgement {
  // Each line in Handoff's words (a stack's own word may stand for several events); words nobody knows are left out.
  const vocabulary = options.vocabulary ?? NO_MAPPINGS;
  const seen = lines.flatMap((line) => {
    const means = meaningOf(vocabulary, line);
    return means ? [{ ...line, means }] : [];
  });
  const linesOf = (system: SystemName, eventType: string, direction: string) =>
    seen.filter((event) => event.system === system && event.means.includes(eventType as EventName) && event.direction === direction);
  const saw = (system: SystemName, eventType: string) => linesOf(system, eventType, "received").length > 0;
  const sent = (system: SystemName, eventType: string) => linesOf(system, eventType, "sent").length > 0;
  const at = (line: SeenEvent) => line.observedAt ?? new Date(0);

  // Each step as shown, with what the localizer needs besides: who it came from and whether it left.
  const steps: { view: WatchedStep; sourceSystem: SystemName; leftTheSource: boolean }[] = [];
  for (const chain of CHAIN_ORDER) {
    const chainSteps = stepsOf(chain);
    if (!seen.some((event) => event.means.includes(chainSteps[0]!.event))) continue;
    const chainEvents = new Set<EventName>(chainSteps.map((step) => step.event));
    const startedAt = earliest(seen.filter((event) => event.means.some((name) => chainEvents.has(name))).map(at))!;
    const arrivedAtOf = new Map<string, Date | null>();
    for (const spec of chainSteps) {
      const arrivals = [...linesOf(spec.target, spec.event, "received"), ...(spec.source === spec.target ? linesOf(spec.source, spec.event, "sent") : [])];
      const arrivedAt = earliest(arrivals.map(at));
      arrivedAtOf.set(spec.id, arrivedAt);
      const expectedBy = new Date(startedAt.getTime() + spec.deadlineSeconds * 1000);
      const upstreamArrived = spec.after.map((id) => arrivedAtOf.get(id)?.getTime() ?? -Infinity);
      const leftAt = earliest(linesOf(spec.source, spec.event, "sent").map(at))?.getTime() ?? Math.max(startedAt.getTime(), ...upstreamArrived);
      const graceEnds = expectedBy.getTime() + options.skewMs;
      // Another system's word reaching the OMS must be applied as what it is; taken in as something else, it failed at once.
      const crossesIntoOms = spec.target === "OMS" && (spec.source !== "OMS" || (spec.origin !== undefined && saw(spec.origin.system, spec.event)));
      const misread = crossesIntoOms && arrivals.length > 0 && arrivals.every((line) => !appliedAsMeant(spec.event, line.status)) ? arrivals[0]!.status! : null;
      const state: WatchedStepState = misread
        ? "wrong_type"
        : arrivedAt ? (arrivedAt.getTime() > graceEnds ? "late" : "arrived") : options.now.getTime() > graceEnds ? "missing" : "pending";
      steps.push({
        view: {
          chain,
          step: spec.id,
          stepNumber: spec.stepNumber,
          source: spec.source,
          target: spec.target,
          event: spec.event,
          description: spec.description,
          state,
          expectedBy,
          arrivedAt,
          lateBySeconds: state === "late" ? Math.round((arrivedAt!.getTime() - expectedBy.getTime()) / 1000) : null,
          // Clocks that disagree can put an arrival before its sending: that reads as instant, not negative.
          latencyMs: arrivedAt && state !== "wrong_type" ? Math.max(0, arrivedAt.getTime() - leftAt) : null,
          recordedAs: misread,
          blockedBy: null,
        },
        // A step another system may start (a POS cancel) is that origin's boundary when the origin logged it.
        sourceSystem: spec.origin && saw(spec.origin.system, spec.event) ? spec.origin.system : spec.source,
        // Seed 000: no outbound record at the source, and no receipt, means the event never left it (node 1).
        leftTheSource: sent(spec.source, spec.event) || arrivals.length > 0,
      });
    }
  }

  const located = localize(
    steps.map(({ view, sourceSystem, leftTheSource }) => ({ ...view, sourceSystem, leftTheSource, targetSystem: view.target, broken: view.state === "missing" || view.state === "wrong_type", dueAt: view.expectedBy })),
  );
  const verdict: LogVerdict = located
    ? {
        node: located.node,
        chain: located.step.chain,
        stepNumber: located.step.stepNumber,
        stuckSince: located.step.expectedBy,
        missing: located.step.recordedAs
          ? `${located.step.target} received ${located.step.event} but recorded it as "${located.step.recordedAs}": it arrived and was processed as the wrong type`
          : missingLine(located.step.source, located.step.target, located.step.event, located.step.leftTheSource, saw(located.step.source, located.step.event)),
      }
    : null;
  const judged = steps.map((step) => step.view);
  const broken = (step: WatchedStep) => step.state === "missing" || step.state === "wrong_type";
  for (const step of judged.filter((candidate) => candidate.state === "missing")) {
    const upstream = ancestorsOf(stepById(step.step)).find((parent) => judged.some((other) => other.step === parent.id && broken(other)));
    step.blockedBy = upstream?.id ?? null;
  }
  const pending = judged.filter((step) => step.state === "pending");
  return {
    state: verdict ? "broken" : pending.length ? "in_flight" : "healthy",
    verdict,
    steps: judged,
    late: judged.filter((step) => step.state === "late"),
    nextCheckAt: pending.length ? new Date(Math.min(...pending.map((step) => step.expectedBy.getTime())) + options.skewMs + 1) : null,
  };
}

/** A finished log in Handoff's words, judged as if every deadline had passed and every line came on time. */
export function localizeFromLogs(seen: SeenEvent[]): LogVerdict {
  const untimed = seen.map((line) => ({ system: line.system, eventType: line.eventType, direction: line.direction }));
  return judgeFromLogs(untimed, { now: new Date(8.64e15), skewMs: 0 }).verdict;
}

/** What the logs lack, in words: which side is silent, and whether the source says it sent. */
function missingLine(source: SystemName, target: SystemName, eventType: string, sent: boolean, sourceLogged: boolean): string {
  if (source === target) return `${target} never logged ${eventType}`;
  if (sent) return `${source} sent ${eventType}; ${target} never logged receiving it`;
  if (sourceLogged) return `${source} has no record of sending ${eventType}; ${target} never logged it`;
  return `${target} never logged ${eventType}`;
}
