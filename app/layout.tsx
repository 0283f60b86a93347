import type { Metadata } from "next";
import Link from "next/link";
import { Providers } from "@/components/providers";
import { CartSummary } from "@/components/cart/cart-summary";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Handoff — order online, pick up in store", template: "%s · Handoff" },
  description: "Buy online and pick up at a store near you that has every item.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
              <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
                Handoff
              </Link>
              <CartSummary />
            </div>
          </header>
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
