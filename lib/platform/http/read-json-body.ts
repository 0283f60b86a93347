import type { InputProblem } from "./inspect-input";
import { parseJsonText } from "./parse-json";
import { readBodyText } from "./read-body";

export type JsonBody = { ok: true; text: string; value: unknown } | { ok: false; status: 400 | 413; error: string; field?: InputProblem };

/** A bounded read (see readBodyText), then parseJsonText: for routes with no signature to check in between. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const body = await readBodyText(request, maxBytes);
  if (!body.ok) return body;
  const json = parseJsonText(body.text);
  if (!json.ok) return { ok: false, status: 400, error: json.error, field: json.field };
  return { ok: true, text: body.text, value: json.value };
}
