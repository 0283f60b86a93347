/** What a server action answers: done or refused, with a sentence for the person who asked (and, when done, perhaps a value). */
export type ActionResult<T = undefined> = { ok: true; message: string; value?: T } | { ok: false; message: string; field?: string };

/** A form action's state for useActionState: nothing yet, then its last result. */
export type FormState = ActionResult | null;
