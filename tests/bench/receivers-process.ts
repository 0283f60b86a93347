import { spawn } from "node:child_process";

/**
 * The app's machine-facing route handlers (tests/support/systems-server.ts) in a process of
 * their own, as the app server runs beside the worker in production, built for production
 * (React's production build, as `npm start` runs it).
 */
export async function startReceiversProcess(): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/systems-server-main.ts"], { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split("\n")[0]!));
    child.once("exit", (code) => reject(new Error(`the server process exited (${code})`)));
  });
  return {
    url,
    pid: child.pid!,
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
