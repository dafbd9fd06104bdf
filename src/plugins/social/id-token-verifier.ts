import type { Configuration } from 'openid-client';
import { ProviderError } from './provider';

type Jose = typeof import('jose');
type KeySet = ReturnType<Jose['createRemoteJWKSet']>;

/** jose, loaded on first use (ESM-only, reached through `require(esm)` like openid-client). */
function jose(): Promise<Jose> {
  return import('jose');
}

/**
 * Checks an ID token the client hands over directly (`/sign-in/social` with `idToken`, e.g. from Google One
 * Tap or Sign in with Apple on a device), which did not come through our code exchange: its signature against
 * the keys the provider publishes (fetched and cached by jose, refetched for an unknown key id), the issuer of
 * the provider's discovery, the audience (our client id), expiry and issue time, the algorithm allow-list, and
 * the nonce whenever the client says which one it used.
 */
export class IdTokenVerifier {
  private keys: { uri: string; set: KeySet } | undefined;

  constructor(
    private readonly clientId: string,
    private readonly algorithms: readonly string[],
  ) {}

  async claims(config: Configuration, token: string, nonce: string | undefined): Promise<Record<string, unknown>> {
    const { createRemoteJWKSet, jwtVerify } = await jose();
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) throw new ProviderError('invalid_id_token', 'the provider publishes no keys');
    if (this.keys?.uri !== metadata.jwks_uri) this.keys = { uri: metadata.jwks_uri, set: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys.set, {
        issuer: metadata.issuer,
        audience: this.clientId,
        algorithms: [...this.algorithms],
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      // jose's messages name the failed check (signature, "exp" claim, audience…), never the token itself; its
      // error code (ERR_JWT_EXPIRED…) goes with it, so a log line says which check refused the token.
      throw new ProviderError('invalid_id_token', describeJoseError(error));
    }
    if (nonce !== undefined && payload.nonce !== nonce) throw new ProviderError('invalid_id_token', 'nonce mismatch');
    return payload;
  }
}

function describeJoseError(error: unknown): string {
  if (!(error instanceof Error)) return 'unverifiable';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
