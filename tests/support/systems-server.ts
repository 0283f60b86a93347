import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as inboundPost } from "@/app/api/v1/events/[system]/route";
import { POST as systemsPost } from "@/app/api/v1/systems/[system]/events/route";
import { POST as pickupOptionsPost } from "@/app/api/v1/pickup-options/route";
import { POST as stockPost } from "@/app/api/v1/stock/route";

type Interceptor = (
  system: string,
  request: Request,
) => Response | null | Promise<Response | null>;

/**
 * Serves the app's real receiver route handlers (the built-in modules' and the OMS's
 * inbound API, the stores' stock feed and the store picker's pickup options) on a loopback port, so bus tests cross real HTTP without building Next.
 * An interceptor can stand in for a broken receiver ("wms", …, or "oms<-pos").
 */
export async function startSystemsServer(): Promise<{
  url: string;
  intercept(fn: Interceptor | null): void;
  close(): Promise<void>;
}> {
  let interceptor: Interceptor | null = null;
  // Events this server answered, so a test with several servers can see each took a share.
  let eventsAnswered = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? body : undefined,
    });
    const moduleMatch = /^\/api\/v1\/systems\/([^/]+)\/events$/.exec(
      url.pathname,
    );
    const inbound = /^\/api\/v1\/events\/([^/]+)$/.exec(url.pathname);
    let response: Response;
    if (moduleMatch || inbound) eventsAnswered++;
    try {
      if (moduleMatch) {
        const system = moduleMatch[1]!;
        response =
          (await interceptor?.(system, request.clone())) ??
          (await systemsPost(request, {
            params: Promise.resolve({ system }),
          } as never));
      } else if (inbound) {
        const system = inbound[1]!;
        response =
          (await interceptor?.(`oms<-${system}`, request.clone())) ??
          (await inboundPost(request, {
            params: Promise.resolve({ system }),
          } as never));
      } else if (url.pathname === "/api/v1/stock") {
        response = await stockPost(request);
      } else if (url.pathname === "/api/v1/pickup-options") {
        response = await pickupOptionsPost(request);
      } else if (url.pathname === "/stats") {
        response = Response.json({ eventsAnswered });
      } else if (url.pathname === "/ping") {
        response = new Response(null, { status: 204 }); // the bare round trip benchmarks compare against
      } else {
        response = new Response("not found", { status: 404 });
      }
    } catch (error) {
      // As Next answers a route handler that throws: a 500, and the server carries on.
      console.error(error);
      response = new Response("Internal Server Error", { status: 500 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    intercept(fn) {
      interceptor = fn;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
