import type { Metadata } from "next";
import { formatOpsTime } from "@/lib/platform/format/ops-time";
import { DataTable } from "@/components/ops/data-table";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { formatOrderNumber } from "@/lib/platform/format/order-number";
import { maskShopperAccess } from "@/lib/notification/mask-shopper-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireStaffPage(OPS_ROLES, "/ops/notifications");
  const messages = await getDb().notificationMessage.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Notifications</h1>
      <p className="text-slate-600">Messages the notification layer sent (the local sink keeps every one), newest first.</p>
      <DataTable
        caption="Sent messages"
        headers={["Sent", "Order", "To", "Subject", "Message", "Status"]}
        rows={messages.map((message) => [
          formatOpsTime(message.createdAt),
          message.orderNumber ? formatOrderNumber(message.orderNumber) : "—",
          message.recipient,
          message.subject,
          <span key="body" className="block max-w-md whitespace-pre-line text-xs text-slate-600">{maskShopperAccess(message.body)}</span>,
          message.status,
        ])}
        empty="No messages yet."
      />
    </div>
  );
}
