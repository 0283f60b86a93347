"use client";

import { lowerFirst } from "@/lib/platform/format/lower-first";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useEffect, useRef, useState } from "react";
import { cancelOrderAction, type OfferAnswerResult } from "@/app/(shop)/orders/[token]/actions";
import type { OrderView } from "@/lib/storefront/get-order-view";
import { formatCents } from "@/lib/platform/money";
import { formatReadyBy, formatSlot, formatStoreDateTime } from "@/lib/platform/format/store-time";
import { useCart } from "../cart/cart-provider";
import { CheckInForm } from "./check-in-form";
import { OrderProgress } from "./order-progress";
import { StoreHoursList } from "./store-hours-list";
import { StoreOffer } from "./store-offer";
import { PickupChanges } from "./pickup-changes";
import { fetchView } from "@/lib/platform/http/fetch-view";

type Props = { token: string; initialOrder: OrderView; qrSvg: string | null; justPlaced: boolean };

const REFRESH_MS = 2_000;

/** The order as the page shows it now (GET /orders/{token}/status); null once the link names no order. */
const fetchOrder = (token: string) => fetchView<OrderView>(`/orders/${token}/status`);

/** The shopper's order page: refreshes itself while the order is open. */
export function OrderLiveView({ token, initialOrder, qrSvg, justPlaced }: Props) {
  const queryClient = useQueryClient();
  const { clear } = useCart();
  const { data } = useQuery({
    queryKey: ["order", token],
    queryFn: () => fetchOrder(token),
    initialData: initialOrder,
    refetchInterval: (query) => (query.state.data?.canCancel ? REFRESH_MS : false),
  });
  const cancel = useMutation({
    mutationFn: () => cancelOrderAction(token),
    onSettled: () => {
      setConfirmingCancel(false);
      return queryClient.invalidateQueries({ queryKey: ["order", token] });
    },
  });
  const [offerAnswer, setOfferAnswer] = useState<OfferAnswerResult | null>(null);
  // Canceling cannot be undone: the button opens a confirmation first.
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const keepOrder = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingCancel) keepOrder.current?.focus();
  }, [confirmingCancel]);

  useEffect(() => {
    if (justPlaced) clear();
  }, [justPlaced, clear]);

  const order = data ?? initialOrder;
  const zone = order.store.timeZone;
  const firstName = order.customerName.split(" ")[0];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        {justPlaced && order.status === "PLACED" ? (
          <p className="text-lg font-medium text-emerald-700">Thanks, {firstName}! Your order is placed.</p>
        ) : null}
        <h1 className="text-2xl font-bold">Order {order.number}</h1>
        <p className="mt-1 text-lg" aria-live="polite">
          Status: <strong>{order.statusLabel}</strong>
        </p>
      </header>

      <OrderProgress status={order.status} />

      {offerAnswer ? (
        <p role={offerAnswer.ok ? "status" : "alert"} className={`rounded-xl border p-4 ${offerAnswer.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {offerAnswer.message}
        </p>
      ) : null}
      {order.reroute?.kind === "offer" &&
      (order.status === "AWAITING_SHOPPER" ||
        (order.reroute.keepsOrder && (order.status === "PLACED" || (order.status === "PICKING" && order.reroute.trigger === "SHORT") || (order.status === "READY" && order.reroute.units)))) ? (
        <StoreOffer
          token={token}
          reroute={order.reroute}
          onAnswered={(answer) => {
            setOfferAnswer(answer ?? null);
            return queryClient.invalidateQueries({ queryKey: ["order", token] });
          }}
        />
      ) : null}
      {order.reroute?.kind === "moved" && order.canCancel ? (
        <p role="status" className="rounded-xl border border-sky-300 bg-sky-50 p-4">
          <strong>Moved to {order.reroute.toStore.name}</strong> — {order.reroute.fromStore}{" "}
          {order.reroute.trigger === "LATE" ? "was running late with your order" : "could not fill your order"} ({lowerFirst(order.reroute.reason)}).{" "}
          {order.reroute.trigger === "SHORT" ? "Everything you ordered is collected there. " : ""}Your pickup code is the same.
        </p>
      ) : null}

      {order.splitOrders.map((split) => (
        <p key={split.number} role="status" className="rounded-xl border border-sky-300 bg-sky-50 p-4">
          <strong>Some items are coming from {split.storeName}</strong> — {order.store.name} could not find them, so they are now{" "}
          <a href={split.href} className="text-brand-700 underline">
            order {split.number}
          </a>
          , ready by {lowerFirst(formatReadyBy(new Date(split.readyBy), split.timeZone))}. It has its own pickup code and is charged when you pick it up.
        </p>
      ))}
      {order.splitFrom ? (
        <p role="status" className="rounded-xl border border-sky-300 bg-sky-50 p-4">
          <strong>Part of order {order.splitFrom.number}</strong> — the items {order.splitFrom.storeName} could not find, collected here.
        </p>
      ) : null}

      {order.status === "READY" ? (
        <CheckInForm
          token={token}
          curbside={order.pickupMethod === "CURBSIDE"}
          checkedIn={order.checkedIn}
          onDone={() => queryClient.invalidateQueries({ queryKey: ["order", token] })}
        />
      ) : null}

      {order.status === "CANCELED" ? (
        <div className="rounded-xl border border-slate-200 bg-white p-5">
          <p>
            This order was canceled{order.cancelReason ? ` (${lowerFirst(order.cancelReason)})` : ""}. Your card authorization was
            released; you will not be charged.
          </p>
        </div>
      ) : null}

      {order.pickupCode ? (
        <section aria-labelledby="code-heading" className="flex flex-wrap items-center gap-6 rounded-xl border border-slate-200 bg-white p-5">
          <div>
            <h2 id="code-heading" className="sr-only">
              Your pickup code
            </h2>
            <dl>
              <dt className="text-sm font-medium text-slate-600">Pickup code</dt>
              <dd className="font-mono text-4xl font-bold tracking-[0.3em]">{order.pickupCode}</dd>
            </dl>
            <p className="mt-2 max-w-xs text-sm text-slate-600">Show this code or the QR code at the store. Keep it private: it releases your order.</p>
          </div>
          {qrSvg ? <div role="img" aria-label={`QR code for pickup code ${order.pickupCode}`} dangerouslySetInnerHTML={{ __html: qrSvg }} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="pickup-heading" className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <div>
          <h2 id="pickup-heading" className="font-semibold">
            {order.pickupMethod === "CURBSIDE" ? "Curbside pickup" : "In-store pickup"} at {order.store.name}
          </h2>
          <p className="text-sm">{order.store.address}</p>
          <p className="text-sm">
            <a href={order.store.phoneHref} className="text-brand-700 underline">
              {order.store.phone}
            </a>
          </p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href={order.store.directionsUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline">
              Directions
            </a>
            {order.canCancel ? (
              <a href={`/orders/${token}/calendar`} download className="font-medium text-brand-700 underline">
                Add to calendar
              </a>
            ) : null}
          </p>
          <dl className="mt-3 space-y-1 text-sm">
            <div>
              <dt className="inline font-medium">Ready by: </dt>
              <dd className="inline">
                {order.delayedReadyAt ? (
                  <>
                    <del>{formatReadyBy(new Date(order.promisedReadyAt), zone)}</del>{" "}
                    <strong className="text-amber-800">Running late: now {formatReadyBy(new Date(order.delayedReadyAt), zone)}</strong>
                  </>
                ) : (
                  formatReadyBy(new Date(order.promisedReadyAt), zone)
                )}
              </dd>
            </div>
            <div>
              <dt className="inline font-medium">Pickup window: </dt>
              <dd className="inline">{formatSlot(new Date(order.pickupWindow.startsAt), new Date(order.pickupWindow.endsAt), zone)}</dd>
            </div>
            {order.holdUntil && order.canCancel ? (
              <div>
                <dt className="inline font-medium">We hold it until: </dt>
                <dd className="inline">{formatStoreDateTime(new Date(order.holdUntil), zone)}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">Store hours</h3>
          <StoreHoursList hours={order.store.hours} />
        </div>
      </section>

      {order.canCancel && order.status !== "AWAITING_SHOPPER" ? (
        <PickupChanges
          token={token}
          holdExtensionHours={order.holdExtensionHours}
          holdExtended={order.holdExtended}
          collectorName={order.collectorName}
          onChange={() => queryClient.invalidateQueries({ queryKey: ["order", token] })}
        />
      ) : null}

      <section aria-labelledby="items-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="items-heading" className="mb-2 font-semibold">
          Items
        </h2>
        <ul className="divide-y divide-slate-100">
          {order.lines.map((line) => (
            <li key={line.id} className="flex items-center gap-3 py-2">
              <Image src={line.imageUrl} alt="" width={48} height={48} className="h-12 w-12 rounded object-cover" />
              <span className="flex-1">
                {line.name} <span className="text-slate-500">× {line.quantity - line.shortQuantity}</span>
                {line.shortQuantity > 0 ? (
                  <span className="block text-sm text-amber-800">
                    {line.declinedAtHandover
                      ? `${line.shortQuantity} declined at pickup — not charged`
                      : [
                          line.splitQuantity > 0 ? `${line.splitQuantity} coming from another store${line.shortElsewhere ? ` (order ${line.shortElsewhere})` : ""} — not charged here` : null,
                          line.shortQuantity > line.splitQuantity ? `${line.shortQuantity - line.splitQuantity} not available at the store — not charged` : null,
                        ]
                          .filter(Boolean)
                          .join("; ")}
                  </span>
                ) : null}
              </span>
              <span>{formatCents(line.unitPriceCents * (line.quantity - line.shortQuantity))}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 flex justify-between font-semibold">
          <span>Total</span>
          <span>{formatCents(order.totalCents)}</span>
        </p>
        {order.payment ? (
          <p className="mt-1 text-sm text-slate-600">
            Card ending {order.payment.cardLast4}: {order.payment.status === "AUTHORIZED" ? "authorized, charged at pickup" : order.payment.status.toLowerCase()}
          </p>
        ) : null}
      </section>

      {order.canCancel ? (
        <div className="space-y-2">
          {confirmingCancel ? (
            <div role="alertdialog" aria-labelledby="cancel-heading" aria-describedby="cancel-detail" className="space-y-3 rounded-xl border-2 border-red-300 bg-red-50 p-4">
              <h2 id="cancel-heading" className="font-semibold text-red-900">
                Cancel order {order.number}?
              </h2>
              <p id="cancel-detail" className="text-sm text-red-900">
                The store stops preparing it and the hold on your card is released. This cannot be undone.
              </p>
              <div className="flex flex-wrap gap-3">
                <button
                  type="button"
                  onClick={() => cancel.mutate()}
                  disabled={cancel.isPending}
                  className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
                >
                  {cancel.isPending ? "Canceling…" : "Yes, cancel order"}
                </button>
                <button ref={keepOrder} type="button" onClick={() => setConfirmingCancel(false)} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50">
                  Keep my order
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              onClick={() => setConfirmingCancel(true)}
              aria-haspopup="dialog"
              className="min-h-11 rounded-lg border border-red-300 px-4 font-medium text-red-700 hover:bg-red-50"
            >
              Cancel order
            </button>
          )}
          {cancel.data && !cancel.data.ok ? (
            <p role="alert" className="text-sm text-red-700">
              {cancel.data.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
