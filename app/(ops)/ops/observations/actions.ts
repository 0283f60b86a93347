"use server";

import { OPS_ROLES, staffWithRole } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { ingestObservations, type CascadeMapEntry } from "@/lib/monitor/observations/ingest";
import { logFormatOf } from "@/lib/monitor/observations/log-parts";
import { logText, MAX_LOG_BYTES } from "@/lib/monitor/observations/log-text";
import type { UnmappedEvent } from "@/lib/monitor/observations/unmapped-events";
import { parseLinesGently, type LineError } from "@/lib/monitor/observations/parse-lines";
import { uploadGate } from "@/lib/monitor/observations/upload-gate";
import { formInput, formText } from "@/lib/platform/http/action-input";

export type UploadResult =
  | { ok: false; message: string; rejected?: LineError[] }
  /** `rejected` lists the first 200 problems; `rejectedTotal` counts them all. */
  | { ok: true; accepted: number; rejected: LineError[]; rejectedTotal: number; cascade: CascadeMapEntry[]; unmapped: UnmappedEvent[] };

/** A log file (NDJSON or CSV): good lines kept and mapped to each order's failure node, bad ones listed by line. */
export async function uploadLogsAction(_previous: UploadResult | null, formData: FormData): Promise<UploadResult> {
  const input = formInput(formData);
  if (!input.ok) return input;
  const staff = await staffWithRole(OPS_ROLES);
  if (!staff) return { ok: false, message: "Only a manager or an admin can upload logs." };
  // A part of a larger file (the page sends big files a part at a time) says where it starts.
  const offsetText = formText(input.form, "lineOffset") ?? "0";
  const lineOffset = /^\d{1,9}$/.test(offsetText) ? Number(offsetText) : null;
  if (lineOffset === null) return { ok: false, message: "lineOffset must be a whole number of lines." };
  const file = formData.get("logs");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a log file (NDJSON or CSV) first." };
  if (file.size > MAX_LOG_BYTES) return { ok: false, message: "The file is larger than 20 MB; upload it in parts." };
  const pass = await uploadGate().enter(`staff:${staff.id}`);
  if (!pass.ok) return { ok: false, message: pass.error };
  try {
    const body = logText(new Uint8Array(await file.arrayBuffer()));
    if (!body.ok) return { ok: false, message: body.error.replace(/^The body/, "The file") };
    const { text } = body;
    const parsed = await parseLinesGently(text, logFormatOf(file.name, text));
    for (const line of parsed.rejected) line.line += lineOffset;
    if (parsed.observations.length === 0) return { ok: false, message: "No line could be read.", rejected: parsed.rejected.slice(0, 200) };
    const { cascade, unmapped } = await ingestObservations(getDb(), parsed.observations);
    return { ok: true, accepted: parsed.observations.length, rejected: parsed.rejected.slice(0, 200), rejectedTotal: parsed.rejected.length, cascade, unmapped };
  } finally {
    pass.leave();
  }
}
