import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticateStaff } from "@/lib/platform/auth/authenticate-staff";
import { hashPassword } from "@/lib/platform/auth/passwords";
import { verifySessionTicket } from "@/lib/platform/auth/session-ticket";
import { ACCOUNT_RULE, accountThrottle, lockedSignIns, unlockSignIn } from "@/lib/platform/auth/sign-in-throttle";
import { endStaffSession, resolveStaffSession, sessionToHandOver, STAFF_IDLE_MINUTES } from "@/lib/platform/auth/staff-session";
import { createDb, getDb } from "@/lib/platform/db/prisma";

const db = () => getDb();
// A second app server: its own connection pool to the same database.
const otherServer = createDb(process.env.DATABASE_URL!);
afterAll(() => otherServer.$disconnect());

async function staffMember(role: "ASSOCIATE" | "MANAGER" | "ADMIN" = "MANAGER") {
  const email = `throttle-${randomUUID()}@handoff.test`;
  const user = await db().user.create({ data: { email, name: "Throttled", role, passwordHash: await hashPassword("right password") } });
  return { user, email };
}

const WRONG = "Wrong email or password.";
const seconds = (at: Date, n: number) => new Date(at.getTime() + n * 1000);

describe("staff sign-in under attack", () => {
  it("slows down after five wrong passwords and locks at twenty, across app servers, and a good password does not get through the lock", { timeout: 60_000 }, async () => {
    const { email } = await staffMember();
    const client = `203.0.113.${Math.floor(Math.random() * 200)}-${randomUUID().slice(0, 4)}`;
    let now = new Date();
    const attempt = (password: string, server = db()) => authenticateStaff(server, { email, password }, client, now);

    for (let i = 0; i < ACCOUNT_RULE.delayAfter; i++) expect(await attempt("guess", i % 2 ? otherServer : db())).toEqual({ ok: false, message: WRONG });
    // The sixth comes at once: it must wait, whichever server it reaches.
    expect(await attempt("guess", otherServer)).toEqual({ ok: false, message: "Too many failed sign-ins. Wait 1 second and try again." });
    for (let failures = ACCOUNT_RULE.delayAfter; failures < ACCOUNT_RULE.lockAfter - 1; failures++) {
      now = seconds(now, 61);
      expect(await attempt("guess", failures % 2 ? otherServer : db())).toEqual({ ok: false, message: WRONG });
    }
    now = seconds(now, 61);
    expect(await attempt("guess")).toEqual({ ok: false, message: expect.stringMatching(/^Too many failed sign-ins: sign-in is locked for 15 more minutes\./) });
    now = seconds(now, 61);
    expect(await attempt("right password", otherServer)).toEqual({ ok: false, message: expect.stringMatching(/locked for 14 more minutes/) });

    const outcomes = await db().signInAudit.groupBy({ by: ["outcome"], where: { email }, _count: { _all: true } });
    expect(Object.fromEntries(outcomes.map((row) => [row.outcome, row._count._all]))).toEqual({ wrong_password: ACCOUNT_RULE.lockAfter - 1, locked: 1, throttled: 2 });
    expect((await lockedSignIns(db(), now)).map((row) => row.key)).toContain(accountThrottle(email).key);

    // An admin lifts the lock; the right password gets in and clears the count.
    expect(await unlockSignIn(db(), accountThrottle(email).key)).toBe(true);
    const success = await attempt("right password", otherServer);
    expect(success).toMatchObject({ ok: true, staff: { role: "MANAGER" } });
    expect(await db().signInThrottle.count({ where: { key: accountThrottle(email).key } })).toBe(0);
  });

  it("answers the same for an account that does not exist, and throttles it the same way", async () => {
    const email = `nobody-${randomUUID()}@handoff.test`;
    const client = `198.51.100.${Math.floor(Math.random() * 200)}-${randomUUID().slice(0, 4)}`;
    const now = new Date();
    for (let i = 0; i < ACCOUNT_RULE.delayAfter; i++) expect(await authenticateStaff(db(), { email, password: "guess" }, client, now)).toEqual({ ok: false, message: WRONG });
    expect(await authenticateStaff(db(), { email, password: "guess" }, client, now)).toEqual({ ok: false, message: "Too many failed sign-ins. Wait 1 second and try again." });
  });
});

describe("staff sessions", () => {
  it("hand a fresh session to Auth.js once, with its ticket only", async () => {
    const { user, email } = await staffMember();
    const result = await authenticateStaff(db(), { email, password: "right password" }, "192.0.2.7", new Date());
    if (!result.ok) throw new Error(result.message);
    expect(verifySessionTicket(result.sessionId, result.ticket)).toBe(true);
    expect(verifySessionTicket(result.sessionId, `${result.ticket.slice(0, -1)}x`)).toBe(false);
    expect(verifySessionTicket(randomUUID(), result.ticket)).toBe(false);
    expect(await sessionToHandOver(db(), result.sessionId)).toMatchObject({ user: { id: user.id } });
    expect(await sessionToHandOver(db(), result.sessionId, new Date(Date.now() + 5 * 60_000))).toBeNull(); // too late to take over
  });

  it("end on sign-out, on a changed role and after the idle timeout", async () => {
    const { user, email } = await staffMember("ADMIN");
    const open = async () => {
      const result = await authenticateStaff(db(), { email, password: "right password" }, "192.0.2.8", new Date());
      if (!result.ok) throw new Error(result.message);
      return result.sessionId;
    };
    const signedOut = await open();
    expect(await resolveStaffSession(db(), signedOut, user)).toBe(true);
    await endStaffSession(db(), signedOut, "signed out");
    expect(await resolveStaffSession(db(), signedOut, user)).toBe(false);

    const demoted = await open();
    expect(await resolveStaffSession(db(), demoted, { id: user.id, role: "MANAGER" })).toBe(false);
    expect(await db().staffSession.findUniqueOrThrow({ where: { id: demoted } })).toMatchObject({ endReason: "role changed" });
    expect(await resolveStaffSession(db(), demoted, user)).toBe(false); // ended for good

    const idle = await open();
    const later = new Date(Date.now() + (STAFF_IDLE_MINUTES + 1) * 60_000);
    expect(await resolveStaffSession(db(), idle, user, later)).toBe(false);
    expect(await db().staffSession.findUniqueOrThrow({ where: { id: idle } })).toMatchObject({ endReason: "idle" });

    const another = await open();
    expect(await resolveStaffSession(db(), another, { id: randomUUID(), role: "ADMIN" })).toBe(false); // someone else's session
  });
});
