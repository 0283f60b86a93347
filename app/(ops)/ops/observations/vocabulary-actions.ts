"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult, FormState } from "@/lib/platform/http/action-result";
import { OPS_ROLES } from "@/lib/platform/auth/staff";
import { withStaff } from "@/lib/platform/auth/with-staff";
import { getDb } from "@/lib/platform/db/prisma";
import { parseJsonText } from "@/lib/platform/http/parse-json";
import { SEED_VOCABULARY } from "@/lib/monitor/observations/seed-vocabulary";
import { replaceVocabulary } from "@/lib/monitor/observations/replace-vocabulary";
import type { RejudgeProgress } from "@/lib/monitor/observations/rejudge-watched-orders";
import { vocabularySchema } from "@/lib/monitor/observations/vocabulary";

const MAPPERS = { roles: OPS_ROLES, denied: "Only a manager or an admin can change the vocabulary.", form: true };
const editSchema = z.object({ vocabulary: z.string("Paste the vocabulary as JSON.").max(512 * 1024, "The vocabulary is larger than 512 KB.") });

const saved = (count: number, rejudge: RejudgeProgress) =>
  `Vocabulary saved: ${count} ${count === 1 ? "mapping" : "mappings"}. ${rejudge.pending ? `Watched orders are being judged again in its words (${rejudge.judged.toLocaleString("en-US")} so far, the rest in the background).` : "Watched orders are judged again in its words."}`;

/** Saves the vocabulary as edited on the page, or says what is wrong with it (nothing is saved then). */
export async function saveVocabularyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(MAPPERS, editSchema, formData, async ({ vocabulary }) => {
    const json = parseJsonText(vocabulary);
    if (!json.ok) return { ok: false, message: json.error.replace(/^The body/, "The vocabulary") };
    const parsed = vocabularySchema.safeParse(json.value);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(vocabulary)"}: ${issue.message}`);
      return { ok: false, message: `Not saved. ${problems.join("; ")}${parsed.error.issues.length > 5 ? "; …" : ""}` };
    }
    const db = getDb();
    const rejudge = await replaceVocabulary(db, parsed.data.mappings);
    revalidatePath("/ops/observations");
    return { ok: true, message: saved(parsed.data.mappings.length, rejudge) };
  });
}

/** Replaces the vocabulary with the field write-ups' words. */
export async function loadSeedVocabularyAction(_previous: FormState, formData: FormData): Promise<ActionResult> {
  return withStaff(MAPPERS, z.unknown(), formData, async () => {
    const db = getDb();
    const rejudge = await replaceVocabulary(db, SEED_VOCABULARY);
    revalidatePath("/ops/observations");
    return { ok: true, message: saved(SEED_VOCABULARY.length, rejudge) };
  });
}
