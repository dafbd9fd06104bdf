import { AuthError } from '../errors/auth-error';
import type { AuthRequest } from '../wire/auth-request';
import { assertWellFormedInput } from './input-text';
import { readJsonBody } from './json-body';

// Keys that could reach an object's prototype: dropped, as the JSON reader drops them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The body of a route another site posts a form to (OAuth `form_post`): URL-encoded fields as strings (the
 * first of a repeated name wins), or JSON as everywhere else. Size-limited like every body.
 */
export async function readFormOrJsonBody(request: AuthRequest, limit: number): Promise<Record<string, unknown>> {
  const contentType = request.header('content-type')?.split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') return readJsonBody(request, limit);
  const declared = Number(request.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new AuthError('PAYLOAD_TOO_LARGE');
  const body: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(await request.readBody(limit))) {
    if (!FORBIDDEN_KEYS.has(name) && !Object.hasOwn(body, name)) body[name] = value;
  }
  assertWellFormedInput(body);
  return body;
}
