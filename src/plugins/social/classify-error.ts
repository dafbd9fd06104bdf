import { ProviderError } from './provider';

interface LibraryError {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
}

/**
 * What went wrong in a code exchange, from openid-client's (oauth4webapi's) errors: the provider refused the
 * code (`invalid_grant`: a replay, a wrong PKCE verifier), an ID token failed a check (signature, issuer,
 * audience, expiry, nonce, algorithm), the response's `iss` named another provider, or the provider could
 * not be reached. Matched by name, code and message (of the error and its cause), not `instanceof`, because
 * the library is loaded lazily.
 */
export function classifyExchangeError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const outer = (error ?? {}) as LibraryError;
  const inner = (outer.cause ?? {}) as LibraryError;
  const text = [outer.name, outer.code, outer.message, inner.code, inner.message].filter(Boolean).join(' | ');
  if (outer.name === 'ResponseBodyError' || outer.name === 'AuthorizationResponseError') return new ProviderError('invalid_code', text);
  if (/"iss" \(issuer\) (?:authorization )?response parameter|issuer.*response parameter/i.test(text)) return new ProviderError('issuer_mismatch', text);
  if (/JWT|JWS|ID Token|KEY_SELECTION/i.test(text)) return new ProviderError('invalid_id_token', text);
  if (outer instanceof TypeError) return new ProviderError('provider_unreachable', text);
  return new ProviderError('invalid_code', text);
}
