import { NAMED_NODES, type NodeName } from "@/lib/bus/chain-catalogue";
import { CHAIN_STEPS } from "@/lib/bus/chain-steps";

/** Which fault rule reproduces each of the seeds' failure nodes, read from the catalogue's crossings. */
export function nodeRecipes(): { node: NodeName; recipe: string }[] {
  return (Object.keys(NAMED_NODES) as NodeName[]).flatMap((node) => {
    const crossings = CHAIN_STEPS.filter((step) => step.arrives === "bus");
    const neverSent = crossings.find((step) => step.nodeIfNeverSent === node);
    if (neverSent) return [{ node, recipe: `${neverSent.source} → ${neverSent.target}, ${neverSent.event}, Pause` }];
    const origin = CHAIN_STEPS.find((step) => step.origin?.node === node);
    if (origin) return [{ node, recipe: `${origin.origin!.system} → ${origin.target}, ${origin.event}` }];
    const own = crossings.find((step) => step.node === node);
    if (!own) return [];
    // Where a pause is another node, this one is what goes wrong after the event left.
    return [{ node, recipe: `${own.source} → ${own.target}, ${own.event}${own.nodeIfNeverSent ? ", Drop / Corrupt / Wrong type" : ""}` }];
  });
}
