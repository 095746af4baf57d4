import type { ServerResponse } from 'node:http';
import helmet, { type fastifyHelmet } from '@fastify/helmet';

// Helmet's Content-Security-Policy middleware, which @fastify/helmet re-exports on the plugin (its
// types declare it on the named export instead).
const { contentSecurityPolicy } = helmet as unknown as typeof fastifyHelmet;

/** The Content-Security-Policy directives of every response (Helmet's defaults complete them). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  // Off: over plain http on a LAN address (e.g. docker compose) it would break the page.
  upgradeInsecureRequests: null,
};

/**
 * The security headers of every response, worked out once: the Content-Security-Policy as Helmet
 * writes it from the directives above, and the fixed headers Helmet 8 adds by default. They depend
 * on nothing in the request, so building them per request (as @fastify/helmet does, parsing the
 * directives every time) was only cost on every API call.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', cspHeader()],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/** Sets the security headers on a response, as Helmet would (on the raw response, before routing). */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
}

function cspHeader(): string {
  let header: string | undefined;
  const capture = {
    setHeader(name: string, value: string) {
      if (name.toLowerCase() === 'content-security-policy') header = value;
    },
  } as unknown as ServerResponse;
  contentSecurityPolicy({ directives: CSP_DIRECTIVES })({} as never, capture, () => undefined);
  if (!header) throw new Error('Helmet wrote no Content-Security-Policy');
  return header;
}
