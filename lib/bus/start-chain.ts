import type { Tx } from "@/lib/platform/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Chain, SystemName } from "@/lib/generated/prisma/enums";
import type { StepIdOf } from "./chain-catalogue";
import { CHAIN_CATALOGUE } from "./chain-catalogue";
import { stepById, stepsOf } from "./chain-steps";

type StartChainInput<C extends Chain> = {
  orderId: string;
  chain: C;
  at: Date;
  /** Steps that happened in the starting transaction itself. */
  arrived?: StepIdOf<C>[];
  /** Who asked for a cancellation: the first step crosses from there to the OMS. */
  origin?: SystemName;
  /** Start only these steps now (a chain whose parts begin at different times). */
  only?: StepIdOf<C>[];
};

/**
 * Starts a chain for an order: every step becomes an expected row with its deadline.
 * Starting it again (the POS started it, the OMS continues it) adds nothing twice and
 * only marks the newly arrived steps.
 */
export async function startChain<C extends Chain>(tx: Tx, input: StartChainInput<C>) {
  const steps = chainStepsWrite(input);
  if (!steps) return;
  if (repeats(input.chain)) {
    // This run's steps are counted by this run's deliveries only: the earlier run's, still
    // on their way, no longer fulfil them. So a repeating chain is started before the event
    // that begins it is written.
    const started = startedSteps(input).map((step) => step.stepNumber);
    await tx.$executeRaw`
      UPDATE "Delivery" SET "chain" = NULL, "stepNumber" = NULL
       WHERE "orderId" = ${input.orderId}::uuid AND "chain" = ${input.chain}::"Chain" AND "stepNumber" = ANY(${started}::int[]) AND "status" = 'PENDING'`;
  }
  await tx.$executeRaw(steps);
}

const repeats = (chain: Chain) => "repeats" in CHAIN_CATALOGUE[chain];

function startedSteps<C extends Chain>(input: StartChainInput<C>) {
  return stepsOf(input.chain).filter((step) => !input.only || (input.only as readonly string[]).includes(step.id));
}

/**
 * The statement that starts a chain (an INSERT, also usable as a common table expression in
 * a statement that writes more), or null when there is nothing to start.
 */
export function chainStepsWrite<C extends Chain>(input: StartChainInput<C>): Prisma.Sql | null {
  const definition = startedSteps(input);
  if (definition.length === 0) return null;
  const arrived = new Set((input.arrived ?? []).map((id) => stepById(id).stepNumber));
  const rows = definition.map((step) => {
    const source = step.stepNumber === 1 && input.origin ? input.origin : step.source;
    const expectedBy = new Date(input.at.getTime() + step.deadlineSeconds * 1000);
    // Steps that happened in the starting transaction are written as arrived.
    const here = arrived.has(step.stepNumber);
    return Prisma.sql`(${step.stepNumber}::int, ${source}::"SystemName", ${step.target}::"SystemName", ${step.event}, ${step.description}, ${expectedBy}::timestamp,
      ${here ? "DELIVERED" : "PENDING"}::"ChainStepStatus", ${here ? input.at : null}::timestamp, ${here ? 1 : 0}::int)`;
  });
  // One statement: new steps are written; steps that exist already (the chain was started
  // before) are only marked arrived, if they arrived now and had not yet; a repeating
  // chain's steps begin anew.
  const onConflict = repeats(input.chain)
    ? Prisma.sql`DO UPDATE
       SET "sourceSystem" = EXCLUDED."sourceSystem", "expectedBy" = EXCLUDED."expectedBy", "status" = EXCLUDED."status", "arrivedAt" = EXCLUDED."arrivedAt",
           "attempts" = EXCLUDED."attempts", "lastError" = NULL`
    : Prisma.sql`DO UPDATE
       SET "status" = 'DELIVERED', "arrivedAt" = EXCLUDED."arrivedAt", "attempts" = "ChainStep"."attempts" + 1, "lastError" = NULL
     WHERE EXCLUDED."status" = 'DELIVERED' AND "ChainStep"."status" <> 'DELIVERED'`;
  return Prisma.sql`
    INSERT INTO "ChainStep" ("id", "orderId", "chain", "stepNumber", "sourceSystem", "targetSystem", "eventType", "description", "expectedBy", "status", "arrivedAt", "attempts")
    SELECT gen_random_uuid(), ${input.orderId}::uuid, ${input.chain}::"Chain", step.*
      FROM (VALUES ${Prisma.join(rows)}) AS step("stepNumber", "sourceSystem", "targetSystem", "eventType", "description", "expectedBy", "status", "arrivedAt", "attempts")
    ON CONFLICT ("orderId", "chain", "stepNumber") ${onConflict}`;
}
