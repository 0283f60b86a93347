import { describeInputProblem, inspectInput, MAX_INPUT_DEPTH, type InputProblem } from "./inspect-input";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string; field?: InputProblem };

/**
 * Untrusted JSON text, parsed and then held to what the rest of the app may assume:
 * no nesting deeper than `maxDepth`, no text PostgreSQL cannot store. Every failure is a
 * sentence a sender can act on.
 */
export function parseJsonText(text: string, maxDepth = MAX_INPUT_DEPTH): ParsedJson {
  if (text.trim() === "") return { ok: false, error: "The body is empty; send a JSON value." };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The body is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).` };
  }
  const problem = inspectInput(value, maxDepth);
  if (problem) return { ok: false, error: `The body cannot be accepted: ${describeInputProblem(problem)}`, field: problem };
  return { ok: true, value };
}
