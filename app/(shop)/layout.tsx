import Link from "next/link";
import { CartSummary } from "@/components/cart/cart-summary";

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {/* Sticky, so the cart and checkout stay in reach however far the shopper scrolls. */}
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
            Handoff
          </Link>
          <div className="flex items-center gap-4">
            <Link href="/find-order" className="whitespace-nowrap text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
              Find my order
            </Link>
            <CartSummary />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-500">
        <Link href="/sign-in" className="underline">
          Staff sign-in
        </Link>
      </footer>
    </>
  );
}
