import { ActionForm } from "@/components/ui/action-form";
import { loadSeedVocabularyAction, saveVocabularyAction } from "@/app/(ops)/ops/observations/vocabulary-actions";
import type { UnmappedEvent } from "@/lib/monitor/observations/unmapped-events";
import type { Mapping } from "@/lib/monitor/observations/vocabulary";
import { DataTable } from "./data-table";

type Props = { mappings: Mapping[]; unmapped: UnmappedEvent[] };

const asJson = (mappings: Mapping[]) =>
  JSON.stringify({ mappings: mappings.map((mapping) => ({ system: mapping.system.toLowerCase(), event: mapping.event, ...(mapping.status ? { status: mapping.status } : {}), means: mapping.means })) }, null, 2);

/** The watched stack's words for Handoff's events, editable as JSON, with the words nothing maps yet. */
export function VocabularyEditor({ mappings, unmapped }: Props) {
  return (
    <section aria-labelledby="vocabulary-heading" className="space-y-4">
      <h2 id="vocabulary-heading" className="text-xl font-semibold">
        Vocabulary
      </h2>
      <p className="max-w-3xl text-slate-600">
        Your systems&apos; own event names, and the Handoff events they stand for. A mapping may require a status value, and may name several
        events (the order&apos;s chain decides which). Handoff&apos;s own names always work.
      </p>
      <DataTable
        caption="Mappings"
        headers={["System", "Event", "Status", "Means"]}
        empty="No mappings yet: only Handoff's own event names are understood."
        rows={mappings.map((mapping) => [mapping.system.toLowerCase(), mapping.event, mapping.status || "any", mapping.means.join(", ")])}
      />
      <ActionForm action={saveVocabularyAction} submitLabel="Save vocabulary" pendingLabel="Saving and judging again…" className="space-y-3">
        <label className="block text-sm font-medium">
          Vocabulary (JSON)
          <textarea name="vocabulary" defaultValue={asJson(mappings)} rows={12} spellCheck={false} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white p-2 font-mono text-sm" />
        </label>
      </ActionForm>
      <ActionForm action={loadSeedVocabularyAction} submitLabel="Load the field write-ups' preset" pendingLabel="Loading…" />
      <h3 className="text-lg font-semibold">Unmapped events (last 24 hours)</h3>
      <p className="text-sm text-slate-600">Lines in words nothing maps are kept; map a word and every watched order is judged again.</p>
      <DataTable
        caption="Unmapped events (last 24 hours)"
        headers={["System", "Event", "Lines", "Example"]}
        empty="Every event in the last day's lines is understood."
        rows={unmapped.map((event) => [event.system.toLowerCase(), event.event, event.lines, `order ${event.example.order} at ${event.example.at}`])}
      />
    </section>
  );
}
