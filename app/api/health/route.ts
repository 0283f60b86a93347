import { getDb } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the start script: is the database reachable? */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "reachable" });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
