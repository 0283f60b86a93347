import type { z } from "zod";

/** Parses an event's data, throwing an error the receiver reports as a 400. */
export function parseEventData<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new EventDataError(parsed.error);
  return parsed.data;
}

export class EventDataError extends Error {
  constructor(readonly zodError: z.ZodError) {
    super("The event's data does not match what this system expects.");
  }
}

/** A receiver got an event type it does not handle: a contract mismatch, refused with 400. */
export class UnsupportedEventError extends Error {
  constructor(readonly eventType: string) {
    super(`This system does not handle "${eventType}" events.`);
  }
}
