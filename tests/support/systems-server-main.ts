// Runs the receivers' server as its own process (as the app server is beside the worker
// in production) and prints its URL on the first line.
import { startSystemsServer } from "./systems-server";

const server = await startSystemsServer();
console.log(server.url);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
