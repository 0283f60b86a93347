import { requireApiKey } from "@/lib/platform/auth/require-api-key";
import { getDb } from "@/lib/platform/db/prisma";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { fieldErrors } from "@/lib/bus/receive-event";
import { replaceVocabulary } from "@/lib/monitor/observations/replace-vocabulary";
import { SEED_VOCABULARY } from "@/lib/monitor/observations/seed-vocabulary";
import { unmappedEvents } from "@/lib/monitor/observations/unmapped-events";
import { handoffEvents, loadVocabulary, vocabularySchema, type Mapping } from "@/lib/monitor/observations/vocabulary";

export const dynamic = "force-dynamic";

const MAX_BYTES = 512 * 1024;

const mappingJson = (mapping: Mapping) => ({ system: mapping.system.toLowerCase(), event: mapping.event, ...(mapping.status ? { status: mapping.status } : {}), means: mapping.means });

/** GET: the watched stack's vocabulary, Handoff's own events with the steps they stand for, and the last day's unmapped words. */
export async function GET(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "read the vocabulary");
  if (!caller.ok) return caller.response;
  const [vocabulary, unmapped] = await Promise.all([loadVocabulary(db), unmappedEvents(db, { withinHours: 24 })]);
  return Response.json({
    mappings: vocabulary.mappings.map(mappingJson),
    handoffEvents: handoffEvents(),
    presets: [{ name: "seed write-ups", mappings: SEED_VOCABULARY.map(mappingJson) }],
    unmapped,
  });
}

/** PUT: replaces the whole vocabulary, or refuses it whole with the path of each problem. */
export async function PUT(request: Request) {
  const db = getDb();
  const caller = await requireApiKey(db, request, "monitor", "change the vocabulary");
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, MAX_BYTES);
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status });
  const parsed = vocabularySchema.safeParse(body.value);
  if (!parsed.success) return Response.json({ error: "The vocabulary was not saved: fix each problem below.", fields: fieldErrors(parsed.error) }, { status: 400 });
  // Every watched order is judged again in the new words: here as far as a request has time for, then by the worker.
  const rejudge = await replaceVocabulary(db, parsed.data.mappings);
  return Response.json({ mappings: parsed.data.mappings.map(mappingJson), rejudgedOrders: rejudge.judged, rejudgePending: rejudge.pending });
}
