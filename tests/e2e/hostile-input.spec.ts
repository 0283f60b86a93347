import { expect, test } from "@playwright/test";
import { asStaff } from "./support/staff";

// What the router and Auth.js see before any of our handlers: fed over real HTTP, since a
// direct call would skip exactly the layers under test here.

const BROKEN_ESCAPES = ["%ED%A0%80", "%", "%E0%A4%A", "a%00b"];

test("addresses with a broken percent-escape or a NUL are refused with 400, on pages and APIs alike", async ({ request }) => {
  const templates = ["/orders/{}", "/orders/{}/calendar", "/ops/orders/{}", "/store/orders/{}", "/api/v1/orders/{}/cascade", "/api/v1/orders/intake/{}", "/api/v1/events/{}", "/api/v1/systems/{}/events", "/{}"];
  for (const template of templates) {
    for (const escape of BROKEN_ESCAPES) {
      const path = template.replace("{}", escape);
      const response = await request.get(path, { maxRedirects: 0 });
      expect([path, response.status()]).toEqual([path, 400]);
      expect((await response.json()).error).toContain("percent-escape");
    }
  }
});

test("Auth.js's endpoints answer hostile input without a server error", async ({ request }) => {
  const forms: Record<string, string>[] = [
    {},
    { sessionId: "a\u0000b", ticket: "x" },
    { sessionId: "\ud800", ticket: "\udc00", csrfToken: "junk" },
    { sessionId: "__proto__", ticket: "constructor", callbackUrl: "https://evil.example" },
    { sessionId: "x".repeat(100_000), ticket: "" },
  ];
  const paths = ["/api/auth/callback/credentials", "/api/auth/signin/credentials", "/api/auth/signout", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/__proto__", "/api/auth/constructor/x"];
  for (const path of paths) {
    const get = await request.get(path, { maxRedirects: 0 });
    expect(get.status(), `GET ${path}`).toBeLessThan(500);
    for (const form of forms) {
      const post = await request.post(path, { form, maxRedirects: 0 });
      expect(post.status(), `POST ${path} ${JSON.stringify(form).slice(0, 80)}`).toBeLessThan(500);
    }
    const deep = await request.post(path, { data: "[".repeat(10_000) + "]".repeat(10_000), headers: { "content-type": "application/json" }, maxRedirects: 0 });
    expect(deep.status(), `POST ${path} deep JSON`).toBeLessThan(500);
  }
});

test("a manager's pages read hostile query strings without a server error", async ({ browser }) => {
  const page = await asStaff(browser, "admin");
  const paths = [
    "/ops/kpis?period=constructor",
    "/ops/kpis?period=__proto__&store=%00",
    "/ops/orders?q=a%00",
    "/ops/orders?q=%ED%A0%80",
    "/ops/audit?orders=a%00b",
    "/ops/audit?last=1e400",
    "/ops/orders/3000000000",
    "/store?store=a%00",
    "/store/audit?store=%00",
    "/store/orders/3000000000?handover=%00",
    "/sign-in?next=%00&denied=%ED%A0%80",
  ];
  for (const path of paths) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});
