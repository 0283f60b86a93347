"use client";

import { useMutation } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/platform/http/action-result";

/**
 * A store action from a button or form: pending state, the outcome's message, and a
 * refresh of the order afterwards. A failed request (network, server) reads as a
 * message too, never as a silent no-op.
 */
export function useStoreAction<Input>(run: (input: Input) => Promise<ActionResult>, onDone: () => void) {
  return useMutation({
    mutationFn: async (input: Input): Promise<ActionResult> => {
      try {
        return await run(input);
      } catch {
        return { ok: false, message: "That did not go through. Check the connection and try again." };
      }
    },
    onSettled: onDone,
  });
}

export function ActionMessage({ result }: { result: ActionResult | undefined }) {
  if (!result) return null;
  return (
    <p role={result.ok ? "status" : "alert"} className={`text-base font-medium ${result.ok ? "text-emerald-800" : "text-red-700"}`}>
      {result.message}
    </p>
  );
}
