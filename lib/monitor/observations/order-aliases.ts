import type { Db, Tx } from "@/lib/platform/db/prisma";

/** One watched order and every id its systems know it by; `order` is the id it was first seen under. */
export type OrderIds = { order: string; aliases: string[] };

// Alias merges take turns: two batches linking the same orders at once must agree on one name.
const ALIAS_LOCK = 4_210_771;

/**
 * Joins the ids each line links ("order" and its "aliases") into one order per group,
 * with those already known from earlier batches, links arriving in any order. Each
 * group is named by the id its earliest line was logged under. Answers every id the
 * batch touched with the order it now belongs to.
 */
export async function linkOrderIds(db: Db, links: string[][], refs: string[]): Promise<Map<string, string>> {
  const named = new Map<string, string>(refs.map((ref) => [ref, ref]));
  if (!links.some((group) => group.length > 1)) {
    for (const [ref, order] of await canonicalOf(db, refs)) named.set(ref, order);
    return named;
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALIAS_LOCK})`;
    const touched = [...new Set([...refs, ...links.flat()])];
    // Everything already joined to any touched id takes part in the merge.
    const known = await tx.orderAlias.findMany({ where: { OR: [{ ref: { in: touched } }, { canonical: { in: touched } }] } });
    const canonicals = [...new Set(known.map((row) => row.canonical))];
    const members = canonicals.length ? await tx.orderAlias.findMany({ where: { canonical: { in: canonicals } } }) : [];

    const parent = new Map<string, string>();
    const find = (id: string): string => {
      let root = id;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    const union = (a: string, b: string) => {
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) parent.set(rb, ra);
    };
    for (const id of touched) find(id);
    for (const row of [...known, ...members]) union(row.canonical, row.ref);
    for (const group of links) for (const id of group.slice(1)) union(group[0]!, id);

    const groups = new Map<string, string[]>();
    for (const id of parent.keys()) {
      const root = find(id);
      groups.set(root, [...(groups.get(root) ?? []), id]);
    }
    const linked = [...groups.values()].filter((group) => group.length > 1);
    const firstSeen = await firstSeenAt(tx, linked.flat());
    const rows: { ref: string; canonical: string }[] = [];
    for (const group of linked) {
      const order = [...group].sort((a, b) => (firstSeen.get(a) ?? Infinity) - (firstSeen.get(b) ?? Infinity) || a.localeCompare(b))[0]!;
      for (const ref of group) {
        rows.push({ ref, canonical: order });
        named.set(ref, order);
      }
    }
    // One statement for every link: a batch from a shipper can link thousands of ids.
    if (rows.length) {
      await tx.$executeRaw`
        INSERT INTO "OrderAlias" ("ref", "canonical")
        SELECT * FROM unnest(${rows.map((row) => row.ref)}::text[], ${rows.map((row) => row.canonical)}::text[])
        ON CONFLICT ("ref") DO UPDATE SET "canonical" = EXCLUDED."canonical"`;
    }
    // An order merged into another is no longer watched under its own name.
    const mergedAway = rows.filter((row) => row.ref !== row.canonical).map((row) => row.ref);
    if (mergedAway.length) {
      await tx.watchedOrder.deleteMany({ where: { orderRef: { in: mergedAway } } });
      await tx.watchedArrival.deleteMany({ where: { orderRef: { in: mergedAway } } });
    }
    return named;
  });
}

/** When each id's earliest line was logged (epoch ms). */
async function firstSeenAt(tx: Tx, refs: string[]): Promise<Map<string, number>> {
  if (refs.length === 0) return new Map();
  const rows = await tx.observation.groupBy({ by: ["orderRef"], where: { orderRef: { in: refs } }, _min: { observedAt: true } });
  return new Map(rows.map((row) => [row.orderRef, row._min.observedAt?.getTime() ?? Infinity]));
}

/** The order each id belongs to (itself when it was never linked). */
export async function canonicalOf(db: Db | Tx, refs: string[]): Promise<Map<string, string>> {
  const rows = refs.length ? await db.orderAlias.findMany({ where: { ref: { in: refs } } }) : [];
  const named = new Map(refs.map((ref) => [ref, ref]));
  for (const row of rows) named.set(row.ref, row.canonical);
  return named;
}

/** Every id of each order, the order's own name first. */
export async function idsOf(db: Db | Tx, orders: string[]): Promise<Map<string, OrderIds>> {
  const rows = orders.length ? await db.orderAlias.findMany({ where: { canonical: { in: orders } }, orderBy: { ref: "asc" } }) : [];
  const ids = new Map(orders.map((order) => [order, { order, aliases: [] as string[] }]));
  for (const row of rows) if (row.ref !== row.canonical) ids.get(row.canonical)?.aliases.push(row.ref);
  return ids;
}
