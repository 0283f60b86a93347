import type { Db } from "@/lib/platform/db/prisma";
import { continueRejudge, requestRejudge, type RejudgeProgress } from "./rejudge-watched-orders";
import type { Mapping } from "./vocabulary";

// What a request spends judging orders again before it answers; the worker does the rest.
const REJUDGE_INLINE_MS = 2_000;

/** Replaces the vocabulary in one transaction: the old one or the new one, never half of each. */
export async function replaceVocabulary(db: Db, mappings: Mapping[]): Promise<RejudgeProgress> {
  await db.$transaction(async (tx) => {
    await tx.observationMapping.deleteMany({});
    await tx.observationMapping.createMany({ data: mappings.map((mapping) => ({ system: mapping.system, event: mapping.event, status: mapping.status, means: mapping.means })) });
    // Lines are kept as the stack wrote them, so every watched order may read differently now.
    await requestRejudge(tx);
  });
  // A small stack is judged again before the answer; a large one goes on in the worker.
  return continueRejudge(db, REJUDGE_INLINE_MS);
}
