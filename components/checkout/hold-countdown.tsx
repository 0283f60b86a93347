"use client";

import { useEffect, useState } from "react";
import type { HoldChoice } from "@/app/(shop)/checkout/types";

function minutesAndSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "Held for you until 4:12 PM", counting down; once it ends, the shopper is told before paying. */
export function HoldCountdown({ hold, storeName }: { hold: HoldChoice; storeName: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const left = Date.parse(hold.expiresAt) - now;
  if (left <= 0) {
    return (
      <p role="status" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
        Your hold at {storeName} ended at {hold.untilLabel}. Place the order and we will check the store again before your card is charged.
      </p>
    );
  }
  return (
    <p role="status" className="mt-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
      <strong>Held for you until {hold.untilLabel}</strong>
      {/* The seconds tick for the eye only; screen readers get the time it ends. */}
      <span aria-hidden="true"> ({minutesAndSeconds(left)} left)</span>
      <span className="block text-emerald-800">Nobody else can take these items at {storeName} while you check out.</span>
    </p>
  );
}
