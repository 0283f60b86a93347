import type { Tx } from "./prisma";

type Hook = () => Promise<void>;

// Transactions that run their hooks before they commit, and the hooks each was given.
const hooksOf = new WeakMap<Tx, Map<string, Hook>>();

/**
 * Runs `work` in `tx`, then the work it left for the end of the transaction (`atCommit`).
 * A receiver applying many events in one transaction uses this: the rows every event touches
 * (a store's stock levels) are then written once, at the end, in a fixed order, so two such
 * transactions never hold them in opposite orders (a deadlock) or for the whole batch.
 */
export async function withCommitHooks<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  const hooks = new Map<string, Hook>();
  hooksOf.set(tx, hooks);
  const result = await work();
  // A hook may add another (a flush that announces): run until none is left.
  while (hooks.size > 0) {
    const [key, hook] = hooks.entries().next().value!;
    hooks.delete(key);
    await hook();
  }
  return result;
}

/**
 * Leaves `hook` for the end of `tx` if the transaction runs hooks, once per key (the first
 * registration wins; the hook reads what was gathered by then). Returns false when `tx`
 * runs none, and the caller does the work itself now.
 */
export function atCommit(tx: Tx, key: string, hook: Hook): boolean {
  const hooks = hooksOf.get(tx);
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, hook);
  return true;
}
