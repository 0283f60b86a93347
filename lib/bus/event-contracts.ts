import type { z } from "zod";
import type { SystemName } from "@/lib/generated/prisma/enums";
import { OMS_EVENTS } from "@/lib/oms/events";
import { POS_PUBLISHED_EVENTS } from "@/lib/pos/events";
import { NOTIFICATION_EVENTS } from "@/lib/notification/events";
import { STOREFRONT_EVENTS } from "@/lib/storefront/events";
import { WMS_EVENTS } from "@/lib/wms/events";

/**
 * What each system may publish: event name → the schema of its data, from each
 * system's own events.ts. The outbox checks every event against it before writing; the
 * receivers parse with the same schemas.
 */
export const EVENT_CONTRACTS = {
  OMS: OMS_EVENTS,
  POS: POS_PUBLISHED_EVENTS,
  WMS: WMS_EVENTS,
  STOREFRONT: STOREFRONT_EVENTS,
  NOTIFICATION: NOTIFICATION_EVENTS,
} as const satisfies Record<SystemName, Record<string, z.ZodType>>;

export type Publisher = keyof typeof EVENT_CONTRACTS;
export type PublishedEvent<S extends Publisher> = keyof (typeof EVENT_CONTRACTS)[S] & string;
/** The data an event must carry, as its producer writes it. */
export type EventData<S extends Publisher, T extends PublishedEvent<S>> = z.input<(typeof EVENT_CONTRACTS)[S][T] & z.ZodType>;

export function contractOf(source: SystemName, type: string): z.ZodType | null {
  const contracts: Partial<Record<SystemName, Record<string, z.ZodType>>> = EVENT_CONTRACTS;
  const own = contracts[source];
  return own && Object.hasOwn(own, type) ? own[type]! : null;
}

/** A producer wrote an event its own contract does not allow: a bug, caught before anything is sent. */
export class EventContractError extends Error {
  constructor(source: SystemName, type: string, issues: string) {
    super(`${source} may not publish this ${type}: ${issues}`);
  }
}
