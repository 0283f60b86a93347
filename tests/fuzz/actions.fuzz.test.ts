import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureSystemEndpoints } from "@/lib/bus/endpoints";
import { disconnectDb, getDb } from "@/lib/platform/db/prisma";
import { signedInAs } from "../support/staff-session";
import { HOSTILE_BODIES, HOSTILE_STRINGS, HOSTILE_VALUES } from "./hostile-values";
import { usePrivateDatabase, watchWrites } from "./private-database";

// Every server action, called the way a crafted request can call it: any argument of any
// type in any position. Each call must come back (never throw, which Next.js answers with
// a 500) with a refusal that says what is wrong or a result; a refusal writes nothing, and
// text PostgreSQL cannot store is always refused.

const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({
  auth: async () => session.current,
  signIn: async () => {
    throw new Error("signed in");
  },
  signOut: async () => {},
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "fuzz", "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => {} }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirected to ${to}`);
  },
}));

type ActionFuzz =
  /** Takes no input: nothing a caller sends reaches it (its declared length is checked). */
  | { noInput: true }
  | {
      /** A well-formed call; every mutation starts from it. Where a success would be slow or loud, it names nothing that exists. */
      base: () => unknown[];
      as: "admin" | "shopper";
      /** A read: null (or an empty answer) is how it says no. */
      read?: (result: unknown) => boolean;
      /** Tables it may write while refusing (throttles and audits, which exist to count refusals). */
      mayWrite?: string[];
      /** Form fields that hold a file. */
      files?: string[];
    };

const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const UNKNOWN_ORDER = 999_999;
const UNKNOWN_TOKEN = "z".repeat(32);
const logFile = (text: string) => new File([text], "logs.ndjson", { type: "application/x-ndjson" });

const ACTIONS: Record<string, ActionFuzz> = {
  "app/(auth)/sign-in/actions.ts#signInAction": {
    base: () => [{ error: null, email: "" }, form({ email: "nobody@handoff.test", password: "not the password", next: "/ops" })],
    as: "shopper",
    mayWrite: ["SignInAudit", "SignInThrottle"],
  },
  "app/(auth)/sign-out-action.ts#signOutAction": { noInput: true },
  "app/(ops)/ops/actions.ts#resolveAlertAction": { base: () => [null, form({ id: randomUUID() })], as: "admin" },
  "app/(ops)/ops/dead-letters/actions.ts#replayDeadLettersAction": { base: () => [null, form({ scope: "selected", ids: randomUUID() })], as: "admin" },
  "app/(ops)/ops/faults/actions.ts#addFaultAction": {
    base: () => [null, form({ boundary: "OMS>STOREFRONT", eventType: "order.ready", storeCode: "NOSUCHSTORE", kind: "DROP", probability: "100", delayMs: "", note: "fuzz" })],
    as: "admin",
  },
  "app/(ops)/ops/faults/actions.ts#removeFaultAction": { base: () => [null, form({ id: randomUUID() })], as: "admin" },
  "app/(ops)/ops/faults/actions.ts#toggleFaultAction": { base: () => [null, form({ id: randomUUID(), enabled: "false" })], as: "admin" },
  "app/(ops)/ops/intake/actions.ts#discardIntakeAction": { base: () => [null, form({ id: randomUUID(), reason: "duplicate of another order" })], as: "admin" },
  "app/(ops)/ops/intake/actions.ts#replayIntakeAction": { base: () => [null, form({ id: randomUUID(), payload: '{"marketplace_order_id":"MP-1"}' })], as: "admin" },
  "app/(ops)/ops/kpis/actions.ts#checkInventoryAccuracyAction": { noInput: true },
  "app/(ops)/ops/observations/actions.ts#uploadLogsAction": { base: () => [null, form({ logs: logFile('{"system":"pos"}'), lineOffset: "0" })], as: "admin", files: ["logs"] },
  "app/(ops)/ops/observations/vocabulary-actions.ts#saveVocabularyAction": {
    base: () => [null, form({ vocabulary: JSON.stringify({ mappings: [{ system: "pos", event: "fuzz-word", means: ["order.created"] }] }) })],
    as: "admin",
  },
  "app/(ops)/ops/observations/vocabulary-actions.ts#loadSeedVocabularyAction": { base: () => [null, form({})], as: "admin" },
  "app/(ops)/ops/orders/actions.ts#resyncOrderAction": { base: () => [null, form({ orderNumber: String(UNKNOWN_ORDER) })], as: "admin" },
  "app/(ops)/ops/reconciliation/actions.ts#resyncOrdersAction": { base: () => [{ orderNumbers: [UNKNOWN_ORDER] }], as: "admin" },
  "app/(ops)/ops/reconciliation/actions.ts#runReconciliationAction": { noInput: true },
  "app/(ops)/ops/settings/actions.ts#saveRetailerSettingsAction": { base: () => [null, form({ rerouteMode: "NEVER", rerouteOfferMinutes: "30", holdExtensionHours: "48", checkoutHoldMinutes: "15" })], as: "admin", mayWrite: ["RetailerSettings"] },
  "app/(ops)/ops/systems/actions.ts#createApiKeyAction": { base: () => [null, form({ name: "fuzz", channel: "" })], as: "admin" },
  "app/(ops)/ops/systems/actions.ts#revokeApiKeyAction": { base: () => [null, form({ id: randomUUID() })], as: "admin" },
  "app/(ops)/ops/systems/actions.ts#rotateSecretAction": { base: () => [null, form({ system: "NOWHERE" })], as: "admin" },
  "app/(ops)/ops/systems/actions.ts#saveEndpointAction": { base: () => [null, form({ system: "WMS", mode: "EXTERNAL", url: "ftp://example.test" })], as: "admin" },
  "app/(ops)/ops/systems/sign-in-actions.ts#unlockSignInAction": { base: () => [null, form({ key: "account:nobody@handoff.test" })], as: "admin" },
  "app/(ops)/ops/systems/stock-feed-actions.ts#rotateStockFeedSecretAction": { base: () => [null, form({ storeCode: "NOSUCHSTORE" })], as: "admin" },
  "app/(shop)/checkout/actions.ts#findStoresAction": {
    base: () => [{ query: "78701", radiusMiles: 25, lines: [{ productId: randomUUID(), quantity: 1 }] }],
    as: "shopper",
    read: () => true,
  },
  "app/(shop)/checkout/hold-actions.ts#holdCartAction": { base: () => [{ checkoutId: randomUUID(), storeId: randomUUID(), lines: [{ productId: randomUUID(), quantity: 1 }] }], as: "shopper" },
  "app/(shop)/checkout/actions.ts#pickupSlotsAction": { base: () => [randomUUID()], as: "shopper", read: (result) => (result as { slots: unknown[] }).slots.length === 0 },
  "app/(shop)/checkout/actions.ts#placeOrderAction": {
    base: () => [
      { status: "idle" },
      form({
        checkoutId: randomUUID(),
        storeId: randomUUID(),
        pickupMethod: "IN_STORE",
        slotStartsAt: new Date(Date.now() + 3_600_000).toISOString(),
        lines: JSON.stringify([{ productId: randomUUID(), quantity: 1 }]),
        name: "Fuzz Shopper",
        email: "fuzz@example.com",
        phone: "+15125550100",
        cardNumber: "4242424242424242",
      }),
    ],
    as: "shopper",
  },
  "app/(shop)/find-order/actions.ts#findOrderAction": { base: () => [null, form({ orderNumber: `H-${UNKNOWN_ORDER}`, contact: "fuzz@example.com" })], as: "shopper", mayWrite: ["RateLimitHit"] },
  "app/(shop)/orders/[token]/actions.ts#cancelOrderAction": { base: () => [UNKNOWN_TOKEN], as: "shopper" },
  "app/(shop)/orders/[token]/actions.ts#acceptStoreOfferAction": { base: () => [UNKNOWN_TOKEN], as: "shopper" },
  "app/(shop)/orders/[token]/actions.ts#extendHoldAction": { base: () => [UNKNOWN_TOKEN], as: "shopper" },
  "app/(shop)/orders/[token]/actions.ts#nameCollectorAction": { base: () => [UNKNOWN_TOKEN, "Jordan Lee"], as: "shopper" },
  "app/(shop)/orders/[token]/actions.ts#checkInAction": { base: () => [UNKNOWN_TOKEN, { parkingBay: "4", carDescription: "blue hatchback" }], as: "shopper" },
  "app/(store)/store/actions.ts#cancelAtStoreAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, reason: "Customer request" }], as: "admin" },
  "app/(store)/store/actions.ts#pauseStoreAction": { base: () => [{ storeCode: "NOSUCHSTORE", reason: "Staff shortage", minutes: 60 }], as: "admin" },
  "app/(store)/store/actions.ts#resumeStoreAction": { base: () => [{ storeCode: "NOSUCHSTORE" }], as: "admin" },
  "app/(store)/store/actions.ts#setStoreCapsAction": { base: () => [{ storeCode: "NOSUCHSTORE", dailyOrderCap: "50", concurrentOrderCap: "" }], as: "admin" },
  "app/(store)/store/actions.ts#rejectAtStoreAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, reason: "Store too busy" }], as: "admin" },
  "app/(store)/store/actions.ts#confirmPickAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, sku: "SKU-1", barcode: "0001" }], as: "admin" },
  "app/(store)/store/actions.ts#handOverAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, code: "123456", idChecked: true }], as: "admin" },
  "app/(store)/store/actions.ts#markReadyAction": { base: () => [UNKNOWN_ORDER], as: "admin" },
  "app/(store)/store/actions.ts#markShortAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, sku: "SKU-1", quantity: 1, reason: "Not found" }], as: "admin" },
  "app/(store)/store/actions.ts#declineAtHandoverAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, sku: "SKU-1", quantity: 1 }], as: "admin" },
  "app/(store)/store/actions.ts#stageOrderAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, bin: "A-12" }], as: "admin" },
  "app/(store)/store/actions.ts#startPickingAction": { base: () => [UNKNOWN_ORDER], as: "admin" },
  "app/(store)/store/actions.ts#undoPickAction": { base: () => [{ orderNumber: UNKNOWN_ORDER, sku: "SKU-1" }], as: "admin" },
  "app/(store)/store/actions.ts#unlockHandoverAction": { base: () => [UNKNOWN_ORDER], as: "admin" },
};

// What no action may accept, wherever it appears: text PostgreSQL cannot store, and nesting past the limit.
const UNSTORABLE = new Set(["nul", "lone high surrogate", "lone low surrogate", "deep object", "array of junk", "map", "set"]);

function actionFiles(): string[] {
  return readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .filter((file) => /^\s*(["'])use server\1/.test(readFileSync(file, "utf8")))
    .sort();
}

type Mutation = { label: string; args: unknown[]; mustRefuse: boolean };

function mutations(base: unknown[], files: string[] = []): Mutation[] {
  const out: Mutation[] = [{ label: "the base call", args: base, mustRefuse: false }, { label: "no arguments", args: [], mustRefuse: false }];
  // Arguments an action never reads (a form action's previous state, one past its last) may hold anything.
  out.push({ label: "an extra argument", args: [...base, HOSTILE_VALUES["deep object"]], mustRefuse: false });
  const unread = base[1] instanceof FormData ? 0 : -1;
  base.forEach((arg, position) => {
    for (const [name, value] of Object.entries(HOSTILE_VALUES)) {
      out.push({ label: `argument ${position} = ${name}`, args: base.with(position, value), mustRefuse: position !== unread && UNSTORABLE.has(name) });
    }
    if (arg instanceof FormData) {
      for (const field of new Set(arg.keys())) {
        for (const [name, value] of Object.entries(HOSTILE_STRINGS)) {
          const changed = new FormData();
          for (const [key, item] of arg) if (key !== field) changed.append(key, item);
          changed.append(field, value);
          // A form carries well-formed text only (half a surrogate pair becomes U+FFFD), so only a NUL must be refused.
          out.push({ label: `${field} = ${name}`, args: base.with(position, changed), mustRefuse: name === "nul" });
        }
        const repeated = new FormData();
        for (const [key, item] of arg) repeated.append(key, item);
        repeated.append(field, "\u0000");
        out.push({ label: `${field} repeated with a NUL`, args: base.with(position, repeated), mustRefuse: true });
        const asFile = new FormData();
        for (const [key, item] of arg) if (key !== field) asFile.append(key, item);
        asFile.append(field, new File(["x"], "a\u0000.txt"));
        out.push({ label: `${field} as a file with a NUL in its name`, args: base.with(position, asFile), mustRefuse: true });
        if (files.includes(field)) {
          for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
            const withFile = new FormData();
            for (const [key, item] of arg) if (key !== field) withFile.append(key, item);
            withFile.append(field, logFile(body));
            out.push({ label: `${field} = a file of ${name}`, args: base.with(position, withFile), mustRefuse: false });
          }
        }
      }
    } else if (arg && typeof arg === "object" && !Array.isArray(arg)) {
      for (const key of [...Object.keys(arg), "__proto__"]) {
        for (const [name, value] of Object.entries(HOSTILE_VALUES)) {
          const changed = { ...(arg as Record<string, unknown>) };
          Object.defineProperty(changed, key, { value, enumerable: true, configurable: true, writable: true });
          out.push({ label: `${key} = ${name}`, args: base.with(position, changed), mustRefuse: UNSTORABLE.has(name) });
        }
      }
    }
  });
  return out;
}

type Outcome = { kind: "refused"; message: string | null } | { kind: "accepted" };

function outcomeOf(result: unknown, read?: (result: unknown) => boolean): Outcome {
  if (result === null || result === undefined) return { kind: "refused", message: read ? "(nothing to read)" : null };
  const value = result as { ok?: unknown; status?: unknown; message?: unknown; error?: unknown };
  const message = typeof value.message === "string" && value.message ? value.message : typeof value.error === "string" && value.error ? value.error : null;
  if (value.ok === false || value.status === "error" || (typeof value.error === "string" && value.error)) return { kind: "refused", message };
  if (read && read(result)) return { kind: "refused", message: "(nothing to read)" };
  return { kind: "accepted" };
}

let db: { url: string; drop: () => Promise<void> };
let writes: Awaited<ReturnType<typeof watchWrites>>;
let adminId = "";

beforeAll(async () => {
  db = await usePrivateDatabase();
  await ensureSystemEndpoints(getDb());
  adminId = (await getDb().user.create({ data: { email: "fuzz-admin@handoff.test", name: "Fuzz Admin", passwordHash: "unused", role: "ADMIN" } })).id;
  writes = await watchWrites(db.url);
});

afterAll(async () => {
  await writes?.close();
  await disconnectDb();
  await db?.drop();
});

describe("server actions, called with hostile arguments", () => {
  it("are all known to this suite (a new action must say how it is fuzzed)", async () => {
    const found: string[] = [];
    for (const file of actionFiles()) {
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) if (typeof value === "function") found.push(`${file}#${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const [key, fuzz] of Object.entries(ACTIONS)) {
    const [file, name] = key.split("#") as [string, string];
    it(`${key} never throws, says why it refuses, refuses what cannot be stored, and writes nothing when it refuses`, async () => {
      const action = ((await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
      if ("noInput" in fuzz) {
        expect(action.length).toBe(0);
        return;
      }
      session.current = fuzz.as === "admin" ? await signedInAs(adminId) : null;
      const failures: string[] = [];
      await writes.since();
      for (const mutation of mutations(fuzz.base(), fuzz.files)) {
        let problem: string | null = null;
        let outcome: Outcome | null = null;
        try {
          outcome = outcomeOf(await action(...mutation.args), fuzz.read);
          if (outcome.kind === "refused" && !outcome.message) problem = "refused without saying why";
          if (outcome.kind === "accepted" && mutation.mustRefuse) problem = "accepted it";
        } catch (error) {
          problem = `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(error)}`;
        }
        const written = (await writes.since()).filter((table) => !fuzz.mayWrite?.includes(table));
        if (outcome?.kind !== "accepted" && written.length) problem = `${problem ?? "refused"}, but wrote to ${written.join(", ")}`;
        if (problem) failures.push(`${mutation.label}: ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
