import type { Metadata } from "next";
import { FindOrderForm } from "@/components/orders/find-order-form";

export const metadata: Metadata = { title: "Find my order" };

export default function FindOrderPage() {
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">Find my order</h1>
      <p className="text-slate-700">
        Closed the tab or lost the email? Enter your order number and the email or phone number you ordered with, and we&apos;ll send you the link to your
        order page again: your pickup code and &ldquo;I&apos;m here&rdquo; are there.
      </p>
      <FindOrderForm />
    </div>
  );
}
