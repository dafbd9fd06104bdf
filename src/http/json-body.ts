import { AuthError } from '../errors/auth-error';
import type { AuthRequest } from '../wire/auth-request';
import { assertWellFormedInput } from './input-text';

// Keys that could reach an object's prototype when a body is copied onto one: dropped while parsing.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads a JSON object body: size-limited, content type checked, prototype keys dropped, text well-formed.
 * An empty body reads as `{}` (sign-out and friends are POSTs with nothing to say).
 */
export async function readJsonBody(request: AuthRequest, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(request.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new AuthError('PAYLOAD_TOO_LARGE');
  const text = await request.readBody(limit);
  if (text.trim() === '') return {};
  const contentType = request.header('content-type')?.split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/json' && !contentType?.endsWith('+json')) throw new AuthError('UNSUPPORTED_MEDIA_TYPE');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch {
    throw new AuthError('INVALID_JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AuthError('VALIDATION_ERROR', 'The request body must be a JSON object');
  }
  assertWellFormedInput(parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}
