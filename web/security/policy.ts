/**
 * The app's Content-Security-Policy, stated once: the build puts it in every page as a meta tag,
 * and the preview and workshop servers send it as a header with the directives only a header can
 * carry (a meta tag cannot forbid framing).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Exported PNGs are drawn from an SVG held in a blob or data address.
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as a page's meta tag holds it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The headers every response of the app's servers carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
