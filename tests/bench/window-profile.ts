import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";

// A CPU profile of one measured window (not the setup before it), for `--profile <dir>`:
// this process through the inspector; a child that called `profileOnSignal` by signals.

const session = new Session();
let started = false;

export async function startWindowProfile(children: number[] = []) {
  if (!started) {
    session.connect();
    await session.post("Profiler.enable");
    started = true;
  }
  await session.post("Profiler.start");
  for (const pid of children) process.kill(pid, "SIGUSR2");
}

export async function stopWindowProfile(dir: string, label: string, children: number[] = []) {
  for (const pid of children) process.kill(pid, "SIGUSR1");
  const { profile } = await session.post("Profiler.stop");
  await writeFile(path.join(dir, `${label}-${process.pid}.cpuprofile`), JSON.stringify(profile));
}

/** In a child process: SIGUSR2 starts profiling, SIGUSR1 writes the profile into `dir`. */
export async function profileOnSignal(dir: string, label: string) {
  const child = new Session();
  child.connect();
  await child.post("Profiler.enable");
  process.on("SIGUSR2", () => void child.post("Profiler.start"));
  process.on("SIGUSR1", () => {
    void child.post("Profiler.stop").then(({ profile }) => writeFile(path.join(dir, `${label}-${process.pid}.cpuprofile`), JSON.stringify(profile)));
  });
}
