import Link from "next/link";
import { currentStaff } from "@/lib/platform/auth/staff";
import { SignedInStaff } from "@/components/auth/signed-in-staff";

const NAV = [
  ["/ops", "Overview"],
  ["/ops/audit", "Audit"],
  ["/ops/reconciliation", "Reconciliation"],
  ["/ops/kpis", "KPIs"],
  ["/ops/intake", "Intake"],
  ["/ops/observations", "Upload logs"],
  ["/ops/systems", "Systems"],
  ["/ops/dead-letters", "Dead letters"],
  ["/ops/faults", "Faults"],
  ["/ops/notifications", "Notifications"],
  ["/ops/settings", "Settings"],
] as const;

export default async function OpsLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/ops" className="text-lg font-bold">
            Handoff ops
          </Link>
          <nav aria-label="Operations" className="flex flex-wrap gap-1">
            {NAV.map(([href, label]) => (
              <Link key={href} href={href} className="rounded-md px-2 py-2 text-sm text-slate-200 hover:bg-slate-800">
                {label}
              </Link>
            ))}
          </nav>
          <SignedInStaff staff={staff} buttonClassName="border-slate-600 hover:bg-slate-800" />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-7xl px-4 pb-6 text-xs text-slate-500">
        Times are in the store&apos;s own time zone where one store is concerned, otherwise in UTC; every time names its zone.
      </footer>
    </>
  );
}
