import { readdirSync, readFileSync } from "node:fs";

// CPU time per process group from /proc (Linux), so a benchmark can say what each part
// costs per unit of work: this process, a child it started, and every PostgreSQL process.

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

type Stat = { comm: string; cpuMs: number; reapedChildrenMs: number };

function statOf(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; the fields after it are fixed.
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    const reaped = Number(fields[13]) + Number(fields[14]); // cutime, cstime: children that have exited
    return { comm, cpuMs: (ticks * 1000) / TICKS_PER_SECOND, reapedChildrenMs: (reaped * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    // A backend that exits leaves its time with the postmaster, as reaped children's.
    if (stat?.comm === "postgres") total += stat.cpuMs + stat.reapedChildrenMs;
  }
  return total;
}

export type CpuReading = Record<string, number>;

/** Reads CPU milliseconds so far for this process, the named child processes, and PostgreSQL. */
export function readCpu(children: Record<string, number> = {}): CpuReading {
  const own = process.cpuUsage();
  const reading: CpuReading = { [ownLabel]: (own.user + own.system) / 1000 };
  for (const [label, pid] of Object.entries(children)) reading[label] = statOf(pid)?.cpuMs ?? 0;
  reading.postgres = postgresCpuMs();
  return reading;
}

let ownLabel = "this process";

/** What this process is called in the readings. */
export function nameThisProcess(label: string) {
  ownLabel = label;
}

/** The CPU spent between two readings, per unit of work, as "label 1.2 ms" parts. */
export function cpuPerUnit(before: CpuReading, after: CpuReading, units: number): string {
  const parts = Object.keys(after).map((label) => `${label} ${((after[label]! - (before[label] ?? 0)) / Math.max(1, units)).toFixed(2)} ms`);
  const total = Object.keys(after).reduce((sum, label) => sum + after[label]! - (before[label] ?? 0), 0) / Math.max(1, units);
  return `${parts.join(", ")}; total ${total.toFixed(2)} ms`;
}
