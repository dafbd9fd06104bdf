/*
 * The JWT plugin's public types, written out here rather than borrowed from jose: jose is an ES module, and a
 * CommonJS app's declarations cannot import its types (TS1541 under node16/nodenext), nor see the `CryptoKey`
 * global its signatures use without the DOM library.
 */

/**
 * One published key: the public members of a JWK (RFC 7517) with its `kid` and `alg`.
 * @example
 * const { keys } = await auth.api.jwt.jwks(); // [{ kid, alg: 'EdDSA', kty: 'OKP', crv: 'Ed25519', x }]
 */
export interface PublishedKey {
  kty?: string;
  kid: string;
  alg: string;
  use?: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  [member: string]: unknown;
}

/**
 * The claims of a token: the registered ones (RFC 7519 §4.1) and any the app adds (`definePayload`).
 * @example
 * const claims: JwtClaims = { sub: 'service-7', scope: 'reports:read' };
 */
export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  jti?: string;
  nbf?: number;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

/**
 * What `verify` checks besides the signature, when the defaults (the plugin's issuer and audience) are not wanted.
 * @example
 * await auth.api.jwt.verify(token, { audience: 'https://api.example.com' });
 */
export interface VerifyExpectations {
  issuer?: string;
  audience?: string | string[];
}
