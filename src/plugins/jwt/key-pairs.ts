import type { JWK } from 'jose';
import { SecretBox } from '../../crypto/secret-box';
import type { JwtAlgorithm, KeyPairConfig } from './options';

type Jose = typeof import('jose');

/** jose, loaded on first use (ESM-only, reached through `require(esm)`). */
export function jose(): Promise<Jose> {
  return import('jose');
}

/** The members of a public JWK: whatever else a stored value holds (`d`, `p`, `q`, …) is never published. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/** A new key pair, as the two JWKs the `jwks` table stores. */
export interface NewKeyPair {
  readonly alg: JwtAlgorithm;
  readonly crv: string | null;
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
}

/** Makes a key pair for `config` (Ed25519 by default; P-256, P-521 or RSA on request). */
export async function generateKeyPairFor(config: KeyPairConfig): Promise<NewKeyPair> {
  const { generateKeyPair, exportJWK } = await jose();
  const { alg, ...settings } = config;
  const pair = await generateKeyPair(alg, { ...settings, extractable: true });
  const publicJwk = publicMembers(await exportJWK(pair.publicKey));
  return { alg, crv: typeof publicJwk.crv === 'string' ? publicJwk.crv : null, publicJwk, privateJwk: await exportJWK(pair.privateKey) };
}

/** Only the public members of `jwk`: a stored value is filtered again on the way out, whatever it holds. */
export function publicMembers(jwk: Record<string, unknown>): JWK {
  const kept: Record<string, unknown> = {};
  for (const member of PUBLIC_MEMBERS) if (typeof jwk[member] === 'string') kept[member] = jwk[member];
  return kept as JWK;
}

/**
 * Seals private keys at rest with a key derived from the auth secret for this purpose alone (see
 * `SecretBox`): a dump of the `jwks` table holds no usable signing key.
 * @example
 * const box = privateKeyBox(config.secret); box.open(box.seal(JSON.stringify(jwk)));
 */
export function privateKeyBox(secret: string): SecretBox {
  return new SecretBox(secret, 'jwt:private-key');
}
