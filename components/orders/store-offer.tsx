"use client";

import { lowerFirst } from "@/lib/platform/format/lower-first";
import { useMutation } from "@tanstack/react-query";
import { acceptStoreOfferAction, type OfferAnswerResult } from "@/app/(shop)/orders/[token]/actions";
import type { OrderView } from "@/lib/storefront/get-order-view";
import { formatReadyBy, formatSlot, formatStoreDateTime } from "@/lib/platform/format/store-time";

type Reroute = NonNullable<OrderView["reroute"]>;

const oneUnit = (units: { quantity: number }[]) => units.length === 1 && units[0]!.quantity === 1;

/** The store could not fill the order: the offer of another store, to accept (or cancel below) by a deadline. */
export function StoreOffer({ token, reroute, onAnswered }: { token: string; reroute: Reroute; onAnswered: (answer: OfferAnswerResult | undefined) => void }) {
  // The answer is shown by the page: once the order moves, this offer is gone.
  const accept = useMutation({ mutationFn: () => acceptStoreOfferAction(token), onSettled: (answer) => onAnswered(answer) });
  const zone = reroute.toStore.timeZone;
  return (
    <section aria-labelledby="offer-heading" className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id="offer-heading" className="text-lg font-semibold text-amber-950">
        {reroute.units ? "Get the missing items at " : "Pick up at "}
        {reroute.toStore.name}
        {reroute.readyBy ? ` by ${lowerFirst(formatReadyBy(new Date(reroute.readyBy), zone))}` : ""}
        {reroute.units ? "?" : " instead?"}
      </h2>
      <p>
        {reroute.units
          ? `${reroute.fromStore} could not find everything (${lowerFirst(reroute.reason)}) and carries on with the rest. No store nearby has your whole order, but ${reroute.toStore.name}, ${reroute.toStore.address}, has ${reroute.units.map((unit) => `${unit.quantity} × ${unit.name}`).join(", ")}: collect ${oneUnit(reroute.units) ? "it" : "them"} there as a second order, with its own pickup code, charged when you pick it up`
          : reroute.trigger === "SHORT"
          ? `${reroute.fromStore} could not find everything (${lowerFirst(reroute.reason)}) and carries on with the rest. ${reroute.toStore.name}, ${reroute.toStore.address}, has your whole order`
          : reroute.trigger === "LATE"
            ? `${reroute.fromStore} is running late with your order. ${reroute.toStore.name}, ${reroute.toStore.address}, can have it ready sooner`
            : `${reroute.fromStore} cannot fill your order (${lowerFirst(reroute.reason)}). ${reroute.toStore.name}, ${reroute.toStore.address}, has every item`}
        {reroute.window ? `; pickup window ${formatSlot(new Date(reroute.window.startsAt), new Date(reroute.window.endsAt), zone)}` : ""}.
      </p>
      {reroute.answerBy ? (
        <p className="text-sm">
          Answer by <strong>{formatStoreDateTime(new Date(reroute.answerBy), zone)}</strong>;{" "}
          {reroute.trigger === "SHORT"
            ? `without an answer your order stays at ${reroute.fromStore} without the missing items.`
            : reroute.keepsOrder
              ? `without an answer your order stays at ${reroute.fromStore}.`
              : "without an answer the order is canceled and you are not charged."}
        </p>
      ) : null}
      <button type="button" onClick={() => accept.mutate()} disabled={accept.isPending} className="min-h-11 rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {accept.isPending ? (reroute.units ? "Placing them there…" : "Moving your order…") : "Accept new store"}
      </button>
    </section>
  );
}
