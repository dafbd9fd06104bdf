import type { AuthResponse } from '../wire/auth-request';

/**
 * Auth answers carry tokens and personal data: never cached by browsers or proxies, and never sniffed into
 * something other than JSON.
 */
const BASE_HEADERS: ReadonlyArray<[string, string]> = [
  ['content-type', 'application/json; charset=utf-8'],
  ['cache-control', 'no-store'],
  ['x-content-type-options', 'nosniff'],
];

/** A JSON answer; `extraHeaders` (cookies, `set-auth-token`) are appended after the base ones. */
export function jsonResponse(status: number, body: unknown, extraHeaders: ReadonlyArray<[string, string]> = []): AuthResponse {
  return { status, headers: [...BASE_HEADERS, ...extraHeaders], body: JSON.stringify(body ?? null) };
}
