/** A stretch of time a shopper can come in. */
export type SlotWindow = { startsAt: Date; endsAt: Date };

/**
 * When the shopper can actually collect: from the later of the booked slot's start and
 * the promised ready time, to the slot's end. The shopper's page, the tablet and every
 * message show this one window, so nobody is told 12:00 while the order is ready at 12:05.
 */
export function pickupWindow(input: { slotStartsAt: Date; slotEndsAt: Date; promisedReadyAt: Date | null }): SlotWindow {
  const readyAt = input.promisedReadyAt?.getTime() ?? 0;
  return { startsAt: new Date(Math.max(input.slotStartsAt.getTime(), readyAt)), endsAt: input.slotEndsAt };
}
