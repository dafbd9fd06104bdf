import type { AuthContext } from '../core/auth-context';
import { AuthError } from '../errors/auth-error';

/**
 * The absolute URL a client-supplied redirect target (`callbackURL`, `redirectTo`) stands for, or an
 * `AuthError` with `code` when it would send the browser off-site. The target is resolved against the base
 * URL, so a relative path lands on the app, and then its origin must be trusted. That one rule also stops
 * the usual tricks: `//evil.example`, `/\evil.example` and `https:evil.example` resolve to another origin,
 * and `javascript:` URLs to the origin "null".
 * @example
 * safeRedirectTarget(auth, '/reset?step=2', 'INVALID_REDIRECT_URL');   // 'http://localhost:3000/reset?step=2'
 * safeRedirectTarget(auth, 'https://evil.example', 'INVALID_CALLBACK_URL'); // throws 403 INVALID_CALLBACK_URL
 */
export function safeRedirectTarget(auth: AuthContext, target: string, code: 'INVALID_CALLBACK_URL' | 'INVALID_REDIRECT_URL'): string {
  // Control characters and backslashes are where browsers and URL parsers disagree: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) throw new AuthError(code);
  let url: URL;
  try {
    url = new URL(target, auth.config.baseURL);
  } catch {
    throw new AuthError(code);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !auth.config.trustedOrigins.has(url.origin)) throw new AuthError(code);
  return url.href;
}

/** `target` with `params` added to its query string, keeping what was there. */
export function withQuery(target: string, params: Record<string, string>): string {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
