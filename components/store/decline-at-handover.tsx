"use client";

import { useState } from "react";
import { declineAtHandoverAction } from "@/app/(store)/store/actions";
import type { StoreTaskView } from "@/lib/pos/store-queue/task-view";
import { shortReasonEffect } from "@/lib/pos/store-queue/short-reasons";
import { DECLINED_AT_HANDOVER } from "@/lib/oms/events";
import { ActionMessage, useStoreAction } from "./store-action";
import { UnitsField } from "./units-field";

type Props = { task: StoreTaskView; onChange: () => void };

/** At the handover, items the customer does not want go back on the shelf; the rest is handed over. */
export function DeclineAtHandover({ task, onChange }: Props) {
  const handedOver = task.lines.filter((line) => line.picked > 0);
  const [open, setOpen] = useState(false);
  const [sku, setSku] = useState(handedOver[0]?.sku ?? "");
  const [quantity, setQuantity] = useState("1");
  const decline = useStoreAction(declineAtHandoverAction, onChange);
  if (handedOver.length === 0) return null;
  const chosen = handedOver.find((line) => line.sku === sku) ?? handedOver[0]!;

  return (
    <div className="space-y-3">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="min-h-12 rounded-lg border-2 border-slate-400 px-4 text-lg font-semibold hover:bg-slate-50">
        Customer declined an item
      </button>
      {open ? (
        <form
          aria-label="Declined items"
          onSubmit={(event) => {
            event.preventDefault();
            decline.mutate({ orderNumber: task.orderNumber, sku: chosen.sku, quantity: Number(quantity) });
          }}
          className="flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-3"
        >
          <div>
            <label htmlFor="declined-item" className="block text-base font-medium">
              Declined item
            </label>
            <select id="declined-item" value={chosen.sku} onChange={(event) => setSku(event.target.value)} className="mt-1 block min-h-12 rounded-lg border-2 border-slate-400 bg-white px-3 text-lg">
              {handedOver.map((line) => (
                <option key={line.sku} value={line.sku}>
                  {line.name} ({line.picked} picked)
                </option>
              ))}
            </select>
          </div>
          <UnitsField id="declined-units" label="Units declined" max={chosen.picked} value={quantity} onChange={setQuantity} />
          <button type="submit" disabled={decline.isPending} className="min-h-12 rounded-lg bg-slate-700 px-5 text-lg font-semibold text-white hover:bg-slate-800 disabled:opacity-60">
            Confirm declined
          </button>
          <p className="basis-full text-sm text-slate-700">Stock: {shortReasonEffect(DECLINED_AT_HANDOVER)}; the customer is not charged for it.</p>
          <ActionMessage result={decline.data} />
        </form>
      ) : null}
    </div>
  );
}
