"use client";

import { useEffect, useState } from "react";

/**
 * The current time, advancing every second. It starts from the server's render time
 * so the first client render matches the server's HTML, then follows the device clock.
 */
export function useTickingClock(serverNow: string): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
