import type { Db } from "@/lib/platform/db/prisma";
import { transports, type MessageTransport } from "./transports";

/**
 * Sends queued messages, each claimed by one sender (SKIP LOCKED). A failed send is the
 * notification layer's own lane (seed 000): the message is marked failed with the
 * reason while the bus step that triggered it stays delivered.
 */
export async function sendQueuedMessages(db: Db, transport: MessageTransport = transports, limit = 20): Promise<number> {
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
