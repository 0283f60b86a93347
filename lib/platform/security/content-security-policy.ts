/**
 * The pages' Content-Security-Policy: scripts only from this origin with the request's
 * nonce (Next.js puts it on its own scripts), nothing framed or framing, forms posting
 * only here. Styles allow inline attributes (React's `style`), never other origins.
 * Development adds 'unsafe-eval' for Next's hot reload.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
