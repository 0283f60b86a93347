import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from "./unsafe-text";

export type InputProblem = { path: string; message: string };

/** How deep untrusted input may nest: far beyond any real order, event or form, far short of a stack. */
export const MAX_INPUT_DEPTH = 32;

type Pending = { value: unknown; path: string; depth: number };

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The first thing in untrusted input (parsed JSON, a server action's arguments, a form)
 * that must not go further: text PostgreSQL cannot store, in a value or a key, or nesting
 * deeper than `maxDepth`. Walks with its own stack, so no input can exhaust the call stack.
 */
export function inspectInput(root: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const pending: Pending[] = [{ value: root, path: "", depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === "string") {
      if (isUnsafeText(value)) return { path: path || "(input)", message: UNSAFE_TEXT_MESSAGE };
      continue;
    }
    if (value === null || typeof value !== "object" || value instanceof Date) continue;
    if (depth >= maxDepth) return { path: path || "(input)", message: `is nested more than ${maxDepth} levels deep` };
    const children: [string, unknown][] = [];
    if (typeof Blob !== "undefined" && value instanceof Blob) {
      if (typeof File !== "undefined" && value instanceof File) children.push(["name", value.name]);
    } else if (value instanceof FormData || value instanceof Map) {
      for (const [key, item] of value.entries()) children.push([String(key), item]);
    } else if (value instanceof Set || Array.isArray(value)) {
      let index = 0;
      for (const item of value) children.push([String(index++), item]);
    } else {
      for (const key of Object.keys(value)) children.push([key, (value as Record<string, unknown>)[key]]);
    }
    for (let index = children.length - 1; index >= 0; index--) {
      const [key, item] = children[index]!;
      if (isUnsafeText(key)) return { path: path || "(input)", message: `has a name that ${UNSAFE_TEXT_MESSAGE}` };
      pending.push({ value: item, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/** One sentence for a refusal: "name contains a NUL character …". */
export function describeInputProblem(problem: InputProblem): string {
  return `${problem.path} ${problem.message}.`;
}
