import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, denied } = await searchParams;
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <Link href="/" className="text-xl font-bold text-brand-700">
        Handoff
      </Link>
      <h1 className="mt-6 text-2xl font-semibold">Staff sign-in</h1>
      {denied ? <p className="mt-2 text-sm text-amber-700">Your account cannot open that page. Sign in with another account.</p> : null}
      <SignInForm next={typeof next === "string" ? next : ""} />
    </main>
  );
}
