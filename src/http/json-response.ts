import type { AuthResponse } from '../wire/auth-request';

/**
 * Auth answers carry tokens and personal data: never cached by browsers or proxies, and never sniffed into
 * something other than JSON. `no-referrer`: a page opened from an auth answer (a browser showing it, a link
 * in an error) must not learn the URL, which may hold a token or a callback address.
 */
const BASE_HEADERS: ReadonlyArray<[string, string]> = [
  ['content-type', 'application/json; charset=utf-8'],
  ['cache-control', 'no-store'],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
];

/** A JSON answer; `extraHeaders` (cookies, `set-auth-token`) are appended after the base ones. */
export function jsonResponse(status: number, body: unknown, extraHeaders: ReadonlyArray<[string, string]> = []): AuthResponse {
  return { status, headers: [...BASE_HEADERS, ...extraHeaders], body: JSON.stringify(body ?? null) };
}
