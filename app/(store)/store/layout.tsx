import Link from "next/link";
import { SignedInStaff } from "@/components/auth/signed-in-staff";
import { currentStaff } from "@/lib/platform/auth/staff";
import { worksAllStores } from "@/lib/pos/store-queue/scope";

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      <header className="border-b border-emerald-900 bg-emerald-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/store" className="text-xl font-bold">
            Handoff store
          </Link>
          <nav aria-label="Store" className="flex flex-wrap gap-1">
            <Link href="/store" className="flex min-h-11 items-center rounded-md px-4 text-base hover:bg-emerald-700">
              Queue
            </Link>
            {staff && worksAllStores(staff) ? (
              <Link href="/store/audit" className="flex min-h-11 items-center rounded-md px-4 text-base hover:bg-emerald-700">
                Audit log
              </Link>
            ) : null}
          </nav>
          <SignedInStaff staff={staff} buttonClassName="border-emerald-500 hover:bg-emerald-700" />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-4 text-lg">{children}</main>
    </>
  );
}
