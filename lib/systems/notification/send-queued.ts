import type { Db } from "@/lib/db/prisma";
import { transports, type MessageTransport } from "./transports";

/**
 * Sends queued messages, each claimed by one sender (SKIP LOCKED). A failed send is the
 * notification layer's own lane (seed 000): the message is marked failed with the
 * reason while the bus step that triggered it stays delivered.
 */
export async function sendQueuedMessages(db: Db, transport: MessageTransport = transports, limit = 20): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string; channel: string; recipient: string; subject: string; body: string }[]>`
    UPDATE "NotificationMessage" SET "status" = 'sending'
     WHERE "id" IN (SELECT "id" FROM "NotificationMessage" WHERE "status" = 'queued' ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "channel", "recipient", "subject", "body"`;
  for (const message of claimed) {
    try {
      await transport.send(message);
      await db.notificationMessage.update({ where: { id: message.id }, data: { status: "sent", error: null } });
    } catch (error) {
      await db.notificationMessage.update({ where: { id: message.id }, data: { status: "failed", error: String((error as Error).message ?? error).slice(0, 500) } });
    }
  }
  return claimed.length;
}
