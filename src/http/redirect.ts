import type { AuthResponse } from '../wire/auth-request';

/**
 * What a route returns to answer with a redirect instead of JSON (emailed links land on the app's pages).
 * Build the location with `safeRedirectTarget`, never from raw input.
 * @example
 * return new Redirect(withQuery(safeRedirectTarget(ctx.auth, callbackURL, 'INVALID_CALLBACK_URL'), { token }));
 */
export class Redirect {
  constructor(
    readonly location: string,
    readonly status: 301 | 302 | 303 | 307 | 308 = 302,
  ) {}
}

/**
 * A redirect answer: `location`, no body, never cached; `extraHeaders` (cookies) are appended. Every redirect
 * answers an emailed link whose URL holds a token (and reset redirects put one in `location` too), so the
 * page it lands on must not receive that URL as its Referer: `Referrer-Policy: no-referrer`.
 */
export function redirectResponse(redirect: Redirect, extraHeaders: ReadonlyArray<[string, string]> = []): AuthResponse {
  return {
    status: redirect.status,
    headers: [
      ['location', redirect.location],
      ['cache-control', 'no-store'],
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'no-referrer'],
      ...extraHeaders,
    ],
    body: null,
  };
}
