import type { Metadata } from "next";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { OrderLiveView } from "@/components/orders/order-live-view";
import { getDb } from "@/lib/platform/db/prisma";
import { getOrderViewByToken } from "@/lib/storefront/get-order-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your order", robots: { index: false } };

export default async function OrderPage({ params, searchParams }: PageProps<"/orders/[token]">) {
  const { token } = await params;
  const { placed } = await searchParams;
  const order = await getOrderViewByToken(getDb(), token);
  if (!order) notFound();
  // The QR carries what an associate's scanner types into the handover field.
  const qrSvg = order.pickupCode
    ? await QRCode.toString(`HANDOFF:${order.number}:${order.pickupCode}`, { type: "svg", margin: 1, width: 176 })
    : null;
  return <OrderLiveView token={token} initialOrder={order} qrSvg={qrSvg} justPlaced={placed === "1"} />;
}
