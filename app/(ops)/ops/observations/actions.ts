"use server";

import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { ingestObservations, type CascadeMapEntry } from "@/lib/monitor/observations/ingest";
import { logText, MAX_LOG_BYTES } from "@/lib/monitor/observations/log-text";
import type { UnmappedEvent } from "@/lib/monitor/observations/unmapped-events";
import { parseLinesGently, type LineError } from "@/lib/monitor/observations/parse-lines";
import { uploadGate } from "@/lib/monitor/observations/upload-gate";
import { formInput } from "@/lib/platform/http/action-input";

export type UploadResult =
  | { ok: false; message: string; rejected?: LineError[] }
  | { ok: true; accepted: number; rejected: LineError[]; cascade: CascadeMapEntry[]; unmapped: UnmappedEvent[] };

/** A log file (NDJSON or CSV): good lines kept and mapped to each order's failure node, bad ones listed by line. */
export async function uploadLogsAction(_previous: UploadResult | null, formData: FormData): Promise<UploadResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  const staff = await staffWithRole(OPS_ROLES);
  if (!staff) return { ok: false, message: "Only a manager or an admin can upload logs." };
  const file = formData.get("logs");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a log file (NDJSON or CSV) first." };
  if (file.size > MAX_LOG_BYTES) return { ok: false, message: "The file is larger than 20 MB; upload it in parts." };
  const pass = await uploadGate().enter(`staff:${staff.id}`);
  if (!pass.ok) return { ok: false, message: pass.error };
  try {
    const body = logText(new Uint8Array(await file.arrayBuffer()));
    if (!body.ok) return { ok: false, message: body.error.replace(/^The body/, "The file") };
    const { text } = body;
    const name = file.name.toLowerCase().replace(/\.gz$/, "");
    // A CSV export names its columns on the first line (after any byte-order mark), separated by , ; or tab.
    const csv = name.endsWith(".csv") || /^\uFEFF?\s*"?[a-z_]+"?\s*[,;\t]/i.test(text.slice(0, 200));
    const parsed = await parseLinesGently(text, csv ? "csv" : "ndjson");
    if (parsed.observations.length === 0) return { ok: false, message: "No line could be read.", rejected: parsed.rejected.slice(0, 200) };
    const { cascade, unmapped } = await ingestObservations(getDb(), parsed.observations);
    return { ok: true, accepted: parsed.observations.length, rejected: parsed.rejected.slice(0, 200), cascade, unmapped };
  } finally {
    pass.leave();
  }
}
