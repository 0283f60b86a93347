import type { Metadata } from "next";
import { LogUpload } from "@/components/ops/log-upload";
import { VocabularyEditor } from "@/components/ops/vocabulary-editor";
import { OPS_ROLES, requireStaffPage } from "@/lib/platform/auth/staff";
import { getDb } from "@/lib/platform/db/prisma";
import { unmappedEvents } from "@/lib/monitor/observations/unmapped-events";
import { loadVocabulary } from "@/lib/monitor/observations/vocabulary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload logs" };

/** For a stack Handoff does not run: its five systems' logs in, the cascade map out. */
export default async function ObservationsPage() {
  await requireStaffPage(OPS_ROLES, "/ops/observations");
  const db = getDb();
  const [vocabulary, unmapped] = await Promise.all([loadVocabulary(db), unmappedEvents(db, { withinHours: 24 })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Upload logs</h1>
      <p className="max-w-3xl text-slate-600">
        Not running your stack through Handoff? Upload what your POS, OMS, WMS, storefront and notification layer logged, and Handoff matches
        each order&apos;s events against the same chains and names where each one broke.
      </p>
      <LogUpload />
      <VocabularyEditor mappings={vocabulary.mappings} unmapped={unmapped} />
    </div>
  );
}
