import type { Db } from "@/lib/platform/db/prisma";
import { coalesced, perClient } from "@/lib/platform/group-commit";
import { transports, type MessageTransport } from "./transports";

/** Messages one send claims. */
const LIMIT = 20;

/**
 * Sends queued messages, each claimed by one sender (SKIP LOCKED). A failed send is the
 * notification layer's own lane (seed 000): the message is marked failed with the
 * reason while the bus step that triggered it stays delivered.
 */
export async function sendQueuedMessages(db: Db, transport: MessageTransport = transports, limit = LIMIT): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string; channel: string; recipient: string; subject: string; body: string; html: string | null; qrPayload: string | null }[]>`
    UPDATE "NotificationMessage" SET "status" = 'sending'
     WHERE "id" IN (SELECT "id" FROM "NotificationMessage" WHERE "status" = 'queued' ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "channel", "recipient", "subject", "body", "html", "qrPayload"`;
  const sent: string[] = [];
  for (const message of claimed) {
    try {
      await transport.send(message);
      sent.push(message.id);
    } catch (error) {
      await db.notificationMessage.update({ where: { id: message.id }, data: { status: "failed", error: String((error as Error).message ?? error).slice(0, 500) } });
    }
  }
  if (sent.length > 0) await db.notificationMessage.updateMany({ where: { id: { in: sent } }, data: { status: "sent", error: null } });
  return claimed.length;
}

const senderOf = perClient((db: Db) =>
  coalesced(async () => {
    let sent = 0;
    for (let round = 0; round < 10; round++) {
      const claimed = await sendQueuedMessages(db, transports, LIMIT);
      sent += claimed;
      if (claimed < LIMIT) break;
    }
    return sent;
  }),
);

/**
 * Sends what was just queued, for the receiver after each applied event. Requests made
 * while a send is running share the next one, so a burst of events costs a few claims,
 * not one each; a send takes what is queued until it runs dry (or ten rounds, the
 * periodic sweep finishing the rest).
 */
export function sendQueuedSoon(db: Db): Promise<number> {
  return senderOf(db)();
}
