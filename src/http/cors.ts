import type { ResolvedConfig } from '../config/resolve-config';
import type { AuthRequest, AuthResponse } from '../wire/auth-request';

const ALLOWED_METHODS = 'GET, POST';
const DEFAULT_ALLOWED_HEADERS = 'content-type, authorization';
// How long a browser may reuse a preflight answer: short, so removing an origin takes effect soon.
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * CORS for browser apps on the configured `trustedOrigins`, and for no one else: a cross-origin front end
 * must be able to call the API with its cookies and read `set-auth-token`, while any other origin gets
 * answers without a single `Access-Control-*` header, so the browser keeps them from its scripts. The origin
 * is echoed, never `*`, since credentials are allowed.
 */
export function corsPreflight(request: AuthRequest, config: ResolvedConfig): AuthResponse | null {
  if (request.method !== 'OPTIONS') return null;
  const origin = trustedCorsOrigin(request, config);
  if (!origin || !request.header('access-control-request-method')) return null;
  return {
    status: 204,
    headers: [
      ...allowHeaders(origin),
      ['access-control-allow-methods', ALLOWED_METHODS],
      // The origin is trusted with credentials already; what it asks to send is its own business.
      ['access-control-allow-headers', request.header('access-control-request-headers') ?? DEFAULT_ALLOWED_HEADERS],
      ['access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS],
      ['cache-control', 'no-store'],
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'no-referrer'],
    ],
    body: null,
  };
}

/**
 * `response` with the CORS headers its request's origin is entitled to (none for an untrusted one).
 * `exposedHeaders` lists what its scripts may read (`set-auth-token`, and plugins' headers such as `set-auth-jwt`).
 */
export function withCors(request: AuthRequest, config: ResolvedConfig, response: AuthResponse, exposedHeaders = 'set-auth-token'): AuthResponse {
  const origin = trustedCorsOrigin(request, config);
  if (!origin) return response;
  response.headers.push(...allowHeaders(origin), ['access-control-expose-headers', exposedHeaders]);
  return response;
}

function trustedCorsOrigin(request: AuthRequest, config: ResolvedConfig): string | null {
  if (config.corsOrigins.size === 0) return null;
  const origin = request.header('origin');
  return origin !== undefined && config.corsOrigins.has(origin) ? origin : null;
}

function allowHeaders(origin: string): Array<[string, string]> {
  return [
    ['access-control-allow-origin', origin],
    ['access-control-allow-credentials', 'true'],
    ['vary', 'Origin'],
  ];
}
