import { NextResponse, type NextRequest } from "next/server";
import { isDecodablePath, UNDECODABLE_PATH_MESSAGE } from "@/lib/platform/http/decodable-path";
import { BROWSER_COOKIE, newBrowserId } from "@/lib/oms/orders/checkout-browser";
import { contentSecurityPolicy } from "@/lib/platform/security/content-security-policy";

/**
 * Every page gets a fresh nonce and a Content-Security-Policy built on it. Next.js reads
 * the policy from the request to put the nonce on its own scripts, so it travels both
 * ways. (The other security headers are set for every route in next.config.js.)
 */
export function proxy(request: NextRequest) {
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return NextResponse.json({ error: UNDECODABLE_PATH_MESSAGE }, { status: 400 });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  // Tells this browser's checkouts from anyone else's (a resubmitted checkout returns its order only here).
  if (!request.cookies.has(BROWSER_COOKIE)) {
    response.cookies.set(BROWSER_COOKIE, newBrowserId(), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365, secure: request.nextUrl.protocol === "https:" });
  }
  return response;
}

export const config = {
  // Pages only: machine routes answer JSON (and a proxy would make Next.js buffer their
  // bodies, megabytes of uploads included), and static files need no nonce. The app's own
  // server refuses undecodable paths for every route before this runs (scripts/serve.ts).
  matcher: [
    {
      source: "/((?!api/|v1/|_next/static|_next/image|products/|icon.svg|apple-icon|manifest.webmanifest|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
