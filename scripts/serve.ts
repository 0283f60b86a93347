// The production HTTP server: Next.js, with two rules of Handoff's own in front. The client
// address every route sees (sign-in throttle, metrics) is the socket's, or what the proxies
// named by HANDOFF_TRUSTED_PROXIES vouch for; a client cannot claim one in X-Forwarded-For.
// And a path that does not decode to text is refused before the router reads it.
import { createServer } from "node:http";
import next from "next";
import { readEnv } from "@/lib/platform/env";
import { clientAddressOf } from "@/lib/platform/http/client-address";
import { isDecodablePath, UNDECODABLE_PATH_MESSAGE } from "@/lib/platform/http/decodable-path";

const env = readEnv();
const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  // The router would fail reading such a path's params: refused here, for pages and APIs alike.
  if (!isDecodablePath((request.url ?? "/").split("?")[0]!)) {
    response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: UNDECODABLE_PATH_MESSAGE }));
    return;
  }
  request.headers["x-forwarded-for"] = clientAddressOf(request.headers["x-forwarded-for"], request.socket.remoteAddress, env.HANDOFF_TRUSTED_PROXIES);
  void handle(request, response);
});
// Uploads wait their turn before their body is read (lib/monitor/observations/upload-gate.ts): give a
// queued one longer than Node's 5-minute default to finish arriving. Headers still must come
// within a minute, which is what holds slow-header clients off.
server.requestTimeout = 15 * 60_000;
server.listen(env.PORT, () => console.log(`[handoff] Listening on http://localhost:${env.PORT}`));

// SIGTERM from the launcher: stop taking requests, finish those in flight (at most 10 s), then go.
process.once("SIGTERM", () => {
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  server.close(() => {
    clearTimeout(force);
    void app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
});
process.once("SIGINT", () => process.kill(process.pid, "SIGTERM"));
