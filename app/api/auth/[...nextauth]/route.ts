// Auth.js's own endpoints (session, CSRF, callbacks), used by the sign-in form.
export { GET, POST } from "@/lib/platform/auth/auth-handlers";
