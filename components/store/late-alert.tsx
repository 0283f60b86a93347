"use client";

import { useEffect, useRef } from "react";
import type { QueueCard } from "@/lib/pos/store-queue/queue";

/** A short two-tone chime: the tablet may be across the room. Browsers allow it once someone has touched the page. */
function chime() {
  try {
    const audio = new AudioContext();
    [880, 660].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, audio.currentTime + index * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.25 + 0.22);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + index * 0.25);
      tone.stop(audio.currentTime + index * 0.25 + 0.25);
    });
    setTimeout(() => void audio.close(), 1_000);
  } catch {
    // No audio on this device: the banner still shows.
  }
}

/** Late orders, above the tabs, with a chime each time another one turns late. */
export function LateAlert({ cards, onShow }: { cards: QueueCard[]; onShow: (() => void) | null }) {
  const heard = useRef<Set<number> | null>(null);
  const late = cards.filter((card) => card.lateAlert);
  const numbers = late.map((card) => card.orderNumber).join(",");

  useEffect(() => {
    const now = new Set(numbers ? numbers.split(",").map(Number) : []);
    // The first render only learns what is late already; a new one after that chimes.
    if (heard.current && [...now].some((number) => !heard.current!.has(number))) chime();
    heard.current = now;
  }, [numbers]);

  if (late.length === 0) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-amber-950">
      <div>
        <p className="text-xl font-bold">{late.length === 1 ? "1 order is late" : `${late.length} orders are late`}</p>
        <ul className="text-base">
          {late.map((card) => (
            <li key={card.orderNumber}>
              H-{card.orderNumber}: {card.lateAlert}
            </li>
          ))}
        </ul>
      </div>
      {onShow ? (
        <button type="button" onClick={onShow} className="min-h-11 rounded-lg bg-amber-700 px-4 font-semibold text-white hover:bg-amber-800">
          Show new orders
        </button>
      ) : null}
    </div>
  );
}
