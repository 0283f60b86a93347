// Runs the receivers' server as its own process (as the app server is beside the worker
// in production) and prints its URL on the first line.
import { profileOnSignal } from "../bench/window-profile";
import { startSystemsServer } from "./systems-server";

// A benchmark's `--profile <dir>` asks for the measured window's CPU profile.
if (process.env.HANDOFF_BENCH_PROFILE_DIR) await profileOnSignal(process.env.HANDOFF_BENCH_PROFILE_DIR, "receivers");

const server = await startSystemsServer();
console.log(server.url);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
