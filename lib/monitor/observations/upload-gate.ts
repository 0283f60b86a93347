import { readEnv } from "@/lib/platform/env";
import { createWorkGate, type WorkGate } from "@/lib/platform/http/work-gate";

// One gate per process for every log upload (API and the ops page alike). Route handlers and
// server actions can be bundled apart, so the gate lives on globalThis, not in a module.
const GATE = Symbol.for("handoff.uploadGate");

/** The gate log uploads pass before their body is read: HANDOFF_UPLOAD_CONCURRENCY at once, 256 waiting, 4 per sender. */
export function uploadGate(): WorkGate {
  const holder = globalThis as typeof globalThis & { [GATE]?: WorkGate };
  holder[GATE] ??= createWorkGate({ running: readEnv().HANDOFF_UPLOAD_CONCURRENCY, waiting: 256, perSender: 4 });
  return holder[GATE];
}
