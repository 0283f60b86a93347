import type { Metadata } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Handoff — order online, pick up in store", template: "%s · Handoff" },
  description: "Buy online and pick up at a store near you that has every item.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry the request's CSP nonce (proxy.ts), which a
  // page prerendered at build time could not.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
