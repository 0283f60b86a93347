"use server";

import { OPS_ROLES, staffWithRole } from "@/lib/auth/staff";
import { getDb } from "@/lib/db/prisma";
import { ingestObservations, type CascadeMapEntry } from "@/lib/observations/ingest";
import { parseCsv, parseNdjson, type LineError } from "@/lib/observations/parse-lines";

export type UploadResult = { ok: false; message: string; rejected?: LineError[] } | { ok: true; accepted: number; rejected: LineError[]; cascade: CascadeMapEntry[] };

const MAX_BYTES = 20 * 1024 * 1024;

/** A log file (NDJSON or CSV): good lines kept and mapped to each order's failure node, bad ones listed by line. */
export async function uploadLogsAction(_previous: UploadResult | null, formData: FormData): Promise<UploadResult> {
  if (!(await staffWithRole(OPS_ROLES))) return { ok: false, message: "Only a manager or an admin can upload logs." };
  const file = formData.get("logs");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a log file (NDJSON or CSV) first." };
  if (file.size > MAX_BYTES) return { ok: false, message: "The file is larger than 20 MB; upload it in parts." };
  const text = await file.text();
  const csv = file.name.toLowerCase().endsWith(".csv") || /^\s*[a-z_]+\s*,/i.test(text.slice(0, 200));
  const parsed = csv ? parseCsv(text) : parseNdjson(text);
  if (parsed.observations.length === 0) return { ok: false, message: "No line could be read.", rejected: parsed.rejected.slice(0, 200) };
  const { cascade } = await ingestObservations(getDb(), parsed.observations);
  return { ok: true, accepted: parsed.observations.length, rejected: parsed.rejected.slice(0, 200), cascade };
}
