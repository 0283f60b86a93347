"use client";

import { useQuery } from "@tanstack/react-query";
import { pickupSlotsAction } from "@/app/(shop)/checkout/actions";

/** The store's bookable pickup windows, shared by the time chooser and the order summary (one request). */
export function usePickupSlots(storeId: string | null) {
  return useQuery({
    queryKey: ["pickup-slots", storeId],
    queryFn: () => pickupSlotsAction(storeId!),
    enabled: storeId !== null,
    refetchInterval: 60_000,
  });
}
