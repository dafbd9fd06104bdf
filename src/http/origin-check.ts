import type { AuthContext } from '../core/auth-context';
import { AuthError } from '../errors/auth-error';
import type { AuthRequest } from '../wire/auth-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for state-changing requests. A browser attaches cookies to cross-site requests but always tells
 * the Origin, so: an Origin (or Referer) that is present must be trusted; and a request that authenticates with
 * the session cookie must present a trusted one. Requests with a Bearer header and no cookie (mobile apps,
 * servers) need no Origin: a cross-site page cannot set that header.
 */
export function assertTrustedOrigin(request: AuthRequest, auth: AuthContext): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.header('origin') ?? originOfReferer(request.header('referer'));
  if (origin !== undefined) {
    if (!auth.config.trustedOrigins.has(origin)) throw new AuthError('INVALID_ORIGIN');
    return;
  }
  const bearer = /^Bearer\s/i.test(request.header('authorization') ?? '');
  if (!bearer && auth.cookies.hasCookie(request)) {
    throw new AuthError('INVALID_ORIGIN', 'A cookie-authenticated request must carry a trusted Origin header');
  }
}

function originOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null'; // an unparsable Referer is present but trusted by no one
  }
}
