import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addFaultAction, removeFaultAction, toggleFaultAction } from "@/app/(ops)/ops/faults/actions";
import { replayDeadLettersAction } from "@/app/(ops)/ops/dead-letters/actions";
import { discardIntakeAction, replayIntakeAction } from "@/app/(ops)/ops/intake/actions";
import { resyncOrderAction } from "@/app/(ops)/ops/orders/actions";
import { uploadLogsAction } from "@/app/(ops)/ops/observations/actions";
import { resolveAlertAction } from "@/app/(ops)/ops/actions";
import { resyncOrdersAction, runReconciliationAction } from "@/app/(ops)/ops/reconciliation/actions";
import { GET as reconciliationReportRoute } from "@/app/(ops)/ops/reconciliation/report/route";
import { createApiKeyAction, revokeApiKeyAction, rotateSecretAction, saveEndpointAction } from "@/app/(ops)/ops/systems/actions";
import { rotateStockFeedSecretAction } from "@/app/(ops)/ops/systems/stock-feed-actions";
import { unlockSignInAction } from "@/app/(ops)/ops/systems/sign-in-actions";
import { createApiKey } from "@/lib/platform/auth/api-keys";
import type { ActionResult } from "@/lib/platform/http/action-result";
import { getDb } from "@/lib/platform/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { createStore } from "../support/factories";
import { signedInAs } from "../support/staff-session";

// The session is the one thing faked: Auth.js reads it from the request's cookie, which
// a direct call does not have. Everything behind it (users, roles, data) is real.
const session = vi.hoisted(() => ({ current: null as { user: { id: string; sessionId: string } } | null }));
vi.mock("@/lib/platform/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = () => getDb();
const users = {} as Record<Role, string>;
const storeCode = `AUTHZ${Date.now().toString(36).toUpperCase()}`.slice(0, 20);

beforeAll(async () => {
  const store = await createStore(db());
  await db().store.update({ where: { id: store.id }, data: { code: storeCode } });
  for (const role of ["ASSOCIATE", "MANAGER", "ADMIN"] as Role[]) {
    const user = await db().user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@handoff.test`, name: role, passwordHash: "unused", role } });
    users[role] = user.id;
  }
});

afterAll(async () => {
  await db().faultRule.deleteMany({ where: { storeCode } });
});

afterEach(() => {
  session.current = null;
});

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const newFault = () =>
  db().faultRule.create({ data: { source: "OMS", target: "WMS", kind: "DROP", probability: 1, storeCode, enabled: true } });

/** A dead letter for no order, so replaying it touches nothing another test watches. */
async function newDeadLetter() {
  const event = await db().outboxEvent.create({ data: { source: "OMS", type: "authz.test", payload: {} } });
  return db().delivery.create({ data: { outboxEventId: event.id, targetSystem: "STOREFRONT", position: event.position, status: "DEAD" } });
}

type Case = {
  name: string;
  /** Sets up what the action would change and returns the form that asks for it. */
  arrange: () => Promise<{ formData: FormData; state: () => Promise<unknown> }>;
  run: (formData: FormData) => Promise<ActionResult>;
  /** Whether the admin's call may run here without disturbing other test files. */
  adminRunsHere: boolean;
};

const CASES: Case[] = [
  {
    name: "add a fault",
    arrange: async () => ({
      formData: form({ boundary: "OMS>WMS", kind: "DROP", probability: "100", storeCode }),
      state: () => db().faultRule.count({ where: { storeCode } }),
    }),
    run: (formData) => addFaultAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "pause a fault",
    arrange: async () => {
      const rule = await newFault();
      return { formData: form({ id: rule.id, enabled: "false" }), state: async () => (await db().faultRule.findUnique({ where: { id: rule.id } }))?.enabled };
    },
    run: (formData) => toggleFaultAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "clear a fault",
    arrange: async () => {
      const rule = await newFault();
      return { formData: form({ id: rule.id }), state: () => db().faultRule.count({ where: { id: rule.id } }) };
    },
    run: (formData) => removeFaultAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "replay dead letters",
    arrange: async () => {
      const delivery = await newDeadLetter();
      return { formData: form({ scope: "selected", ids: [delivery.id] }), state: async () => (await db().delivery.findUnique({ where: { id: delivery.id } }))?.status };
    },
    run: (formData) => replayDeadLettersAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "create an API key",
    arrange: async () => {
      const name = `authz-${randomUUID()}`;
      return { formData: form({ name }), state: () => db().apiKey.count({ where: { name } }) };
    },
    run: (formData) => createApiKeyAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "rotate a store's stock feed secret",
    arrange: async () => {
      const store = await createStore(db());
      await db().store.update({ where: { id: store.id }, data: { stockFeedSecret: "whsec_before" } });
      return { formData: form({ storeCode: store.code }), state: async () => (await db().store.findUnique({ where: { id: store.id } }))?.stockFeedSecret };
    },
    run: (formData) => rotateStockFeedSecretAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "revoke an API key",
    arrange: async () => {
      const { id } = await createApiKey(db(), `authz-${randomUUID()}`);
      return { formData: form({ id }), state: async () => (await db().apiKey.findUnique({ where: { id } }))?.revokedAt };
    },
    run: (formData) => revokeApiKeyAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "unlock a locked sign-in",
    arrange: async () => {
      const key = `account:locked-${randomUUID()}@handoff.test`;
      await db().signInThrottle.create({ data: { key, failures: 20, lastFailureAt: new Date(), lockedUntil: new Date(Date.now() + 15 * 60_000) } });
      return { formData: form({ key }), state: () => db().signInThrottle.count({ where: { key } }) };
    },
    run: (formData) => unlockSignInAction({ ok: true, message: "" }, formData),
    adminRunsHere: true,
  },
  {
    name: "point a system at an external URL",
    arrange: async () => ({
      formData: form({ system: "WMS", mode: "EXTERNAL", url: "https://wms.example.com/events" }),
      state: async () => (await db().systemEndpoint.findUnique({ where: { system: "WMS" } }))?.mode,
    }),
    run: (formData) => saveEndpointAction({ ok: true, message: "" }, formData),
    adminRunsHere: false,
  },
  {
    name: "rotate a signing secret",
    arrange: async () => ({
      formData: form({ system: "WMS" }),
      state: async () => (await db().systemEndpoint.findUnique({ where: { system: "WMS" } }))?.signingSecret,
    }),
    run: (formData) => rotateSecretAction({ ok: true, message: "" }, formData),
    adminRunsHere: false,
  },
];

describe("every ops action checks the caller's role itself", () => {
  for (const action of CASES) {
    it(`"${action.name}" is refused to visitors, associates and managers and changes nothing`, async () => {
      const { formData, state } = await action.arrange();
      const before = await state();
      for (const role of [null, "ASSOCIATE", "MANAGER"] as const) {
        session.current = role ? await signedInAs(users[role]) : null;
        const result = await action.run(formData);
        expect(result, `as ${role ?? "a visitor"}`).toMatchObject({ ok: false, message: expect.stringMatching(/only an admin/i) });
        expect(await state(), `as ${role ?? "a visitor"}`).toEqual(before);
      }
      if (!action.adminRunsHere) return;
      session.current = await signedInAs(users.ADMIN);
      expect(await action.run(formData)).toMatchObject({ ok: true });
      expect(await state()).not.toEqual(before);
    });
  }

  it("refuses a fault scoped to a store code no store has, and writes nothing", async () => {
    session.current = await signedInAs(users.ADMIN);
    const result = await addFaultAction({ ok: true, message: "" }, form({ boundary: "OMS>WMS", kind: "DROP", probability: "100", storeCode: "aus-xx" }));
    expect(result).toEqual({ ok: false, message: "No store has the code AUS-XX." });
    expect(await db().faultRule.count({ where: { storeCode: "AUS-XX" } })).toBe(0);
  });

  it("refuses a sign-in lock key with text that cannot be stored, rather than failing", async () => {
    session.current = await signedInAs(users.ADMIN);
    expect(await unlockSignInAction({ ok: true, message: "" }, form({ key: "account:a\u0000b@handoff.test" }))).toEqual({
      ok: false,
      message: "That cannot be accepted: key contains a NUL character or a broken surrogate pair, which cannot be stored.",
      field: "key",
    });
  });

  it("lets managers and admins re-sync an order, and no one else", async () => {
    const formData = form({ orderNumber: "100001" });
    for (const role of [null, "ASSOCIATE"] as const) {
      session.current = role ? await signedInAs(users[role]) : null;
      expect(await resyncOrderAction({ ok: true, message: "" }, formData)).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
    }
    session.current = await signedInAs(users.MANAGER);
    expect(await resyncOrderAction({ ok: true, message: "" }, form({ orderNumber: "999999999" }))).toEqual({ ok: false, message: "Order H-999999999 was not found." });
  });

  it("keeps reconciliation to managers and admins", async () => {
    const globalRuns = () => db().reconciliationRun.count({ where: { storeId: null, trigger: "manual" } });
    const runsBefore = await globalRuns();
    for (const role of [null, "ASSOCIATE"] as const) {
      session.current = role ? await signedInAs(users[role]) : null;
      expect(await runReconciliationAction()).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
      expect(await resyncOrdersAction({ orderNumbers: [100001] })).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
      expect((await reconciliationReportRoute()).status).toBe(401);
      const logs = new FormData();
      logs.append("logs", new File(['{"system":"pos","event":"order.created","order":"AUTHZ-1","at":"2026-11-20T15:00:00Z"}'], "logs.ndjson"));
      expect(await uploadLogsAction(null, logs)).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
      expect(await db().observation.count({ where: { orderRef: "AUTHZ-1" } })).toBe(0);
    }
    expect(await globalRuns()).toBe(runsBefore);
    session.current = await signedInAs(users.MANAGER);
    expect(await resyncOrdersAction({ orderNumbers: [] })).toEqual({ ok: false, message: "Nothing to re-sync." });
    expect(await (await reconciliationReportRoute()).json()).toMatchObject({ runs: expect.any(Array), groups: expect.any(Array) });
  });

  it("lets managers and admins resolve an alert by hand, and no one else", async () => {
    const incident = await db().alertIncident.create({ data: { key: `authz-${randomUUID()}`, message: "Authorization test alert" } });
    for (const role of [null, "ASSOCIATE"] as const) {
      session.current = role ? await signedInAs(users[role]) : null;
      expect(await resolveAlertAction(null, form({ id: incident.id }))).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
    }
    expect(await db().alertIncident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ resolvedAt: null });
    session.current = await signedInAs(users.MANAGER);
    expect(await resolveAlertAction(null, form({ id: "not-a-uuid" }))).toEqual({ ok: false, message: "That alert is not known. Reload the page." });
    expect(await resolveAlertAction(null, form({ id: incident.id }))).toEqual({ ok: true, message: "Alert resolved." });
    expect(await db().alertIncident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ resolvedBy: "MANAGER", resolvedAt: expect.any(Date) });
    await db().alertState.deleteMany({ where: { key: `muted:${incident.key}` } });
  });

  it("lets managers and admins fix, replay and discard quarantined channel orders, and no one else", async () => {
    const quarantined = () =>
      db().intakeOrder.create({ data: { channel: "MARKETPLACE", channelOrderId: `AUTHZ-${randomUUID()}`, payload: { marketplace_order_id: "x" }, status: "QUARANTINED", reasons: [{ path: "buyer", message: "missing" }] } });
    const row = await quarantined();
    for (const role of [null, "ASSOCIATE"] as const) {
      session.current = role ? await signedInAs(users[role]) : null;
      expect(await replayIntakeAction(null, form({ id: row.id, payload: JSON.stringify({ marketplace_order_id: row.channelOrderId }) }))).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
      expect(await discardIntakeAction(null, form({ id: row.id, reason: "Canceled by the channel" }))).toMatchObject({ ok: false, message: expect.stringMatching(/only a manager or an admin/i) });
    }
    expect(await db().intakeOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "QUARANTINED", attempts: 1 });

    session.current = await signedInAs(users.MANAGER);
    expect(await replayIntakeAction(null, form({ id: row.id, payload: "{not json" }))).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    const replay = await replayIntakeAction(null, form({ id: row.id, payload: JSON.stringify({ marketplace_order_id: row.channelOrderId }) }));
    expect(replay).toMatchObject({ ok: false, message: expect.stringMatching(/^Still in quarantine: buyer: /) });
    expect(await db().intakeOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "QUARANTINED", attempts: 2 });
    expect(await discardIntakeAction(null, form({ id: row.id, reason: "" }))).toMatchObject({ ok: false, message: "Say why it is discarded." });
    expect(await discardIntakeAction(null, form({ id: row.id, reason: "Canceled by the channel" }))).toEqual({ ok: true, message: "Discarded." });
    expect(await db().intakeOrder.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "DISCARDED", resolvedBy: "MANAGER" });
  });

  it("goes by the role in the database, not the one the user signed in with", async () => {
    const demoted = await db().user.create({ data: { email: `demoted-${randomUUID()}@handoff.test`, name: "Demoted", passwordHash: "unused", role: "ADMIN" } });
    session.current = await signedInAs(demoted.id);
    await db().user.update({ where: { id: demoted.id }, data: { role: "MANAGER" } });
    const rule = await newFault();
    expect(await removeFaultAction({ ok: true, message: "" }, form({ id: rule.id }))).toMatchObject({ ok: false });
    expect(await db().faultRule.count({ where: { id: rule.id } })).toBe(1);

    await db().user.delete({ where: { id: demoted.id } });
    expect(await removeFaultAction({ ok: true, message: "" }, form({ id: rule.id }))).toMatchObject({ ok: false });
  });
});
