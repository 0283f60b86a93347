import { rotateStockFeedSecretAction } from "@/app/(ops)/ops/systems/stock-feed-actions";
import { ActionForm } from "@/components/ui/action-form";
import type { StockFeedStore } from "@/lib/oms/stock-feed/stock-feed-secret";

type Props = {
  /** From listStockFeedStores(db). */
  stores: StockFeedStore[];
  /** Admins only; the action checks the role again. */
  canRotate: boolean;
};

/** Each store's POS signs its stock feed with its own secret; admins create or rotate it here. */
export function StockFeedSecrets({ stores, canRotate }: Props) {
  return (
    <section aria-labelledby="stock-feed-secrets" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="stock-feed-secrets" className="text-lg font-semibold">
        Store stock feed
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">
        Each store&apos;s POS posts counts and stock movements to <code className="rounded bg-slate-100 px-1">POST /api/v1/stock</code>, signed
        (Standard Webhooks) with that store&apos;s own secret. Rotating a secret stops the old one at once, and the new one is shown only once.
      </p>
      <ul className="divide-y divide-slate-100 text-sm">
        {stores.length === 0 ? <li className="py-2 text-slate-500">No stores yet.</li> : null}
        {stores.map((store) => (
          <li key={store.code} className="flex flex-wrap items-center gap-3 py-2">
            <span className="font-medium">
              {store.code} · {store.name}
            </span>
            {store.secretPrefix ? <code className="rounded bg-slate-100 px-1">{store.secretPrefix}…</code> : <span className="text-slate-500">no secret: the feed is off</span>}
            {canRotate ? (
              <ActionForm
                action={rotateStockFeedSecretAction}
                submitLabel={store.hasSecret ? "Rotate secret" : "Create secret"}
                buttonLabel={`${store.hasSecret ? "Rotate secret" : "Create secret"} for ${store.code}`}
                pendingLabel={store.hasSecret ? "Rotating…" : "Creating…"}
                danger={store.hasSecret}
              >
                <input type="hidden" name="storeCode" value={store.code} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
