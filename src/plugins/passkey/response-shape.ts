/*
 * A first look at what the browser sent, before the WebAuthn library parses it: the fields it needs, as
 * base64url strings of a sane size. The library refuses everything else as well, but by throwing; checking
 * here keeps a malformed or truncated response a plain 400 and out of the logs.
 */

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const MAX_FIELD = 64 * 1024;

const isBase64url = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD && BASE64URL.test(value);

function credentialFields(value: Record<string, unknown>, fields: readonly string[]): boolean {
  if (!isBase64url(value.id) || !isBase64url(value.rawId) || value.type !== 'public-key') return false;
  const response = value.response;
  if (!response || typeof response !== 'object' || Array.isArray(response)) return false;
  return fields.every((field) => isBase64url((response as Record<string, unknown>)[field]));
}

/** A `RegistrationResponseJSON` in shape. */
export const looksLikeRegistration = (value: Record<string, unknown>): boolean => credentialFields(value, ['clientDataJSON', 'attestationObject']);

/** An `AuthenticationResponseJSON` in shape. */
export const looksLikeAssertion = (value: Record<string, unknown>): boolean => credentialFields(value, ['clientDataJSON', 'authenticatorData', 'signature']);
