import { describeInputProblem, inspectInput } from "./inspect-input";

// A server action is a public endpoint: a crafted request can send any argument, of any
// type, in any position. These guards run first in every action, before any other work.

/** `field`: the top-level name (a form field, an input's key) that held the problem, for forms to highlight. */
export type InputRefusal = { ok: false; message: string; field?: string };

const refusal = (message: string, field?: string): InputRefusal => (field ? { ok: false, message, field } : { ok: false, message });

/** A refusal for arguments holding what must go no further (see inspectInput), or null. */
export function refuseInput(...args: unknown[]): InputRefusal | null {
  for (const arg of args) {
    const problem = inspectInput(arg);
    if (problem) return refusal(`That cannot be accepted: ${describeInputProblem(problem)}`, problem.path === "(input)" ? undefined : problem.path.split(".")[0]);
  }
  return null;
}

/** A form action's form, once it is one and holds nothing refuseInput would refuse. */
export function formInput(formData: unknown): { ok: true; form: FormData } | InputRefusal {
  if (!(formData instanceof FormData)) return refusal("This action takes a form; reload the page and try again.");
  return refuseInput(formData) ?? { ok: true, form: formData };
}

/** A form field's text, or null when it is missing or a file. */
export function formText(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}
