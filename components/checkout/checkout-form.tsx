"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { placeOrderAction } from "@/app/(shop)/checkout/actions";
import { holdCartAction } from "@/app/(shop)/checkout/hold-actions";
import type { CheckoutResult, HoldChoice, StoreChoice } from "@/app/(shop)/checkout/types";
import type { CatalogProduct } from "@/lib/oms/catalog/list-products";
import { formatCents } from "@/lib/platform/money";
import { TEST_CARDS } from "@/lib/oms/payments/card";
import { useCart } from "../cart/cart-provider";
import { Field } from "../ui/field";
import { SectionCard } from "../ui/section-card";
import { CartLines } from "./cart-lines";
import { HoldCountdown } from "./hold-countdown";
import { formatCardNumber } from "./card-number";
import { PickupOptions } from "./pickup-options";
import { StorePicker } from "./store-picker";
import { usePickupSlots } from "./use-pickup-slots";

const IDLE: CheckoutResult = { status: "idle" };

export function CheckoutForm({ products, checkoutId }: { products: CatalogProduct[]; checkoutId: string }) {
  const { lines, ready } = useCart();
  const productById = useMemo(() => new Map(products.map((product) => [product.id, product])), [products]);
  const productNames = useMemo(() => new Map(products.map((product) => [product.id, product.name])), [products]);
  const cartLines = useMemo(() => lines.filter((line) => productById.has(line.productId)), [lines, productById]);
  const [store, setStore] = useState<StoreChoice | null>(null);
  const [method, setMethod] = useState<"IN_STORE" | "CURBSIDE">("IN_STORE");
  const [slot, setSlot] = useState("");
  const [contact, setContact] = useState({ name: "", email: "", phone: "", cardNumber: "" });
  const [hold, setHold] = useState<HoldChoice | null>(null);
  const [state, formAction, pending] = useActionState(async (previous: CheckoutResult, formData: FormData) => {
    const result = await placeOrderAction(previous, formData);
    // A hold that ran out was asked for again before paying: show where it stands now.
    if (result.status === "error" && result.hold !== undefined) setHold(result.hold);
    return result;
  }, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [cardHint, setCardHint] = useState<string | null>(null);
  const chosenSlot = usePickupSlots(store?.id ?? null).data?.slots.find((option) => option.value === slot);
  const [holdProblem, setHoldProblem] = useState<string | null>(null);
  const cartKey = JSON.stringify(cartLines);

  // Choosing a store (or changing the cart there) holds the cart's units while the shopper pays.
  useEffect(() => {
    if (!store) return;
    let current = true;
    void holdCartAction({ checkoutId, storeId: store.id, lines: JSON.parse(cartKey) as typeof cartLines }).then((result) => {
      if (!current) return;
      setHold(result.ok ? result.hold : null);
      setHoldProblem(result.ok ? null : result.message);
    });
    return () => {
      current = false;
    };
  }, [store, cartKey, checkoutId]);

  // A failed placement means stock or slots moved: show the stores and times as they are now.
  // Focus goes to the first field in error (or the message), so nobody hunts for what went wrong.
  useEffect(() => {
    if (state.status !== "error") return;
    void queryClient.invalidateQueries();
    const target = form.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? form.current?.querySelector<HTMLElement>("#checkout-error");
    target?.focus();
  }, [state, queryClient]);

  function chooseStore(next: StoreChoice | null) {
    setStore(next);
    setSlot("");
    if (next && !next.curbsideEnabled) setMethod("IN_STORE");
  }

  if (ready && cartLines.length === 0) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-8 text-center">
        <h1 className="text-2xl font-semibold">Your cart is empty</h1>
        <p className="mt-2 text-slate-600">Add a few items, then come back to choose a pickup store.</p>
        <Link href="/" className="mt-4 inline-block min-h-11 rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white">
          Browse products
        </Link>
      </div>
    );
  }

  const totalCents = cartLines.reduce((sum, line) => sum + (productById.get(line.productId)?.priceCents ?? 0) * line.quantity, 0);
  const setField = (field: keyof typeof contact) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setContact((current) => ({ ...current, [field]: event.target.value }));
  const setCardNumber = (event: React.ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setCardHint(/[^\d\s-]/.test(typed) ? "Card numbers have digits only." : null);
    setContact((current) => ({ ...current, cardNumber: formatCardNumber(typed) }));
  };

  return (
    <form ref={form} action={formAction} className="grid gap-6 lg:grid-cols-[1fr_22rem]" noValidate>
      <input type="hidden" name="checkoutId" value={checkoutId} />
      <input type="hidden" name="lines" value={JSON.stringify(cartLines)} />
      <input type="hidden" name="storeId" value={store?.id ?? ""} />

      <div className="min-w-0 space-y-6">
        <h1 className="text-2xl font-bold">Checkout</h1>
        <SectionCard title="Your cart" headingId="cart-heading">
          <CartLines products={productById} shortProductIds={store?.shortProductIds ?? []} />
        </SectionCard>
        <SectionCard title="Choose a pickup store" headingId="store-heading">
          <StorePicker checkoutId={checkoutId} lines={cartLines} productNames={productNames} selectedStoreId={store?.id ?? null} onSelect={chooseStore} />
          {errors.storeId ? <p className="mt-2 text-sm text-red-700">{errors.storeId}</p> : null}
          {store && holdProblem ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {holdProblem}
            </p>
          ) : null}
        </SectionCard>
        {store ? (
          <SectionCard title={`Pickup at ${store.name}`} headingId="pickup-heading">
            <PickupOptions store={store} method={method} onMethodChange={setMethod} slot={slot} onSlotChange={setSlot} error={errors.slotStartsAt} />
          </SectionCard>
        ) : null}
      </div>

      <div className="min-w-0 space-y-6">
        <SectionCard title="Contact and payment" headingId="contact-heading">
          <div className="space-y-3">
            <Field label="Name" name="name" autoComplete="name" value={contact.name} onChange={setField("name")} error={errors.name} />
            <Field label="Email" name="email" type="email" autoComplete="email" value={contact.email} onChange={setField("email")} error={errors.email} />
            <Field label="Phone" name="phone" type="tel" autoComplete="tel" value={contact.phone} onChange={setField("phone")} error={errors.phone} hint="For pickup updates by text." />
            <Field
              label="Card number"
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              value={contact.cardNumber}
              onChange={setCardNumber}
              maxLength={23}
              error={errors.cardNumber ?? cardHint ?? undefined}
              hint={`Test payments: ${TEST_CARDS.approved} is approved, ${TEST_CARDS.declined} is declined.`}
            />
            <p className="text-xs text-slate-500">Your card is authorized now and charged only when you pick up.</p>
          </div>
        </SectionCard>

        <SectionCard title="Summary" headingId="summary-heading">
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between">
              <dt>Items</dt>
              <dd>{cartLines.reduce((sum, line) => sum + line.quantity, 0)}</dd>
            </div>
            <div className="flex justify-between text-base font-semibold">
              <dt>Total</dt>
              <dd>{formatCents(totalCents)}</dd>
            </div>
          </dl>
          <input type="hidden" name="pickupMethod" value={method} />
          {store ? (
            <p className="mt-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-800" aria-live="polite">
              {method === "CURBSIDE" ? "Curbside pickup" : "In-store pickup"} at <strong>{store.name}</strong>
              {chosenSlot ? (
                <>
                  , <strong>{chosenSlot.label}</strong>
                </>
              ) : null}
            </p>
          ) : null}
          {store && hold && hold.storeId === store.id ? <HoldCountdown key={hold.expiresAt} hold={hold} storeName={store.name} /> : null}
          {state.status === "error" ? (
            <div id="checkout-error" tabIndex={-1} role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              <p>{state.message}</p>
              {state.alternatives && state.alternatives.length > 0 ? (
                <div className="mt-2">
                  <p className="font-medium">These stores can fill your whole cart:</p>
                  <ul className="mt-1 space-y-1">
                    {state.alternatives.map((alternative) => (
                      <li key={alternative.id} className="flex items-center justify-between gap-2">
                        <span>
                          {alternative.name} ({alternative.distanceMiles} mi){alternative.readyByLabel ? `, ready by ${alternative.readyByLabel}` : ""}
                        </span>
                        <button type="button" onClick={() => chooseStore(alternative)} className="min-h-11 rounded-md border border-red-300 bg-white px-2 font-medium">
                          Choose {alternative.name}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}
          <button
            type="submit"
            disabled={pending || !store || !slot}
            className="mt-4 min-h-12 w-full rounded-lg bg-brand-600 px-4 text-lg font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            {pending ? "Placing order…" : "Place order"}
          </button>
          {!store ? <p className="mt-2 text-xs text-slate-500">Choose a pickup store and time to place your order.</p> : null}
        </SectionCard>
      </div>
    </form>
  );
}
