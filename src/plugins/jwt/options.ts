import { ConfigError } from '../../errors/config-error';
import { lifetimeSeconds } from './lifetime';
import type { JwksField } from './schema';

/**
 * The signing algorithms a key can be made for: better-auth 1.7's `JWKOptions`.
 * @example
 * const alg: JwtAlgorithm = 'ES256';
 */
export type JwtAlgorithm = 'EdDSA' | 'ES256' | 'ES512' | 'PS256' | 'RS256';

/**
 * How new key pairs are made (better-auth's `jwks.keyPairConfig`).
 * @example
 * new JwtPlugin({ jwks: { keyPairConfig: { alg: 'RS256', modulusLength: 3072 } } })
 */
export type KeyPairConfig =
  | { alg: 'EdDSA'; crv?: 'Ed25519' }
  | { alg: 'ES256' }
  | { alg: 'ES512' }
  | { alg: 'PS256'; modulusLength?: number }
  | { alg: 'RS256'; modulusLength?: number };

/**
 * The session a token is made for, as `definePayload` and `getSubject` see it (JSON values, no session token).
 * @example
 * new JwtPlugin({ jwt: { definePayload: ({ user }: JwtSessionInput) => ({ email: user.email, role: user.role }) } })
 */
export interface JwtSessionInput {
  user: Record<string, unknown>;
  session: Record<string, unknown>;
}

/**
 * Options of `JwtPlugin`, shaped like better-auth's `jwt({ jwt, jwks })`.
 * @example
 * new JwtPlugin({ jwt: { expirationTime: '1h', audience: 'https://api.example.com' }, jwks: { keyPairConfig: { alg: 'ES256' }, rotationInterval: 30 * 86400 } })
 */
export interface JwtOptions {
  jwt?: {
    /** The `iss` claim (default: the origin of `baseURL`). */
    issuer?: string;
    /** The `aud` claim (default: the origin of `baseURL`). */
    audience?: string | string[];
    /**
     * How long a token lives: a span such as `'15m'`, `'1 hour'`, `'7d'`, or a number of seconds (default
     * `'15m'`). Unlike better-auth, a number is a lifetime, never an absolute `exp`.
     */
    expirationTime?: string | number;
    /** The claims of a session's token (default: the user's public fields); `sub`, `iat`, `exp`, `iss`, `aud` are added. */
    definePayload?: (session: JwtSessionInput) => Record<string, unknown> | Promise<Record<string, unknown>>;
    /** The `sub` claim (default: the user's id). */
    getSubject?: (session: JwtSessionInput) => string | Promise<string>;
  };
  jwks?: {
    /** The algorithm of new keys (default `{ alg: 'EdDSA', crv: 'Ed25519' }`). */
    keyPairConfig?: KeyPairConfig;
    /** Seconds a key signs before a new one replaces it (default: never rotated). */
    rotationInterval?: number;
    /** Seconds a replaced key stays published, so tokens it signed still verify (default 2592000: 30 days, as better-auth). */
    gracePeriod?: number;
    /** Where the key set is served (default `/jwks`; e.g. `/.well-known/jwks.json`). */
    jwksPath?: string;
  };
  /** Do not add `set-auth-jwt` to get-session answers (default false). */
  disableSettingJwtHeader?: boolean;
  /** The app's names for the key table and its columns, as better-auth's `schema.jwks` (default table `jwks`). */
  schema?: { jwks?: { modelName?: string; fields?: Partial<Record<JwksField, string>> } };
}

export interface ResolvedJwtOptions {
  readonly issuer: string | null;
  readonly audience: string | string[] | null;
  readonly lifetimeSeconds: number;
  readonly definePayload: NonNullable<JwtOptions['jwt']>['definePayload'] | null;
  readonly getSubject: NonNullable<JwtOptions['jwt']>['getSubject'] | null;
  readonly keyPair: KeyPairConfig;
  readonly rotationIntervalSeconds: number | null;
  readonly gracePeriodSeconds: number;
  readonly jwksPath: string;
  readonly setJwtHeader: boolean;
  readonly tableNames: NonNullable<NonNullable<JwtOptions['schema']>['jwks']>;
}

const ALGORITHMS: readonly JwtAlgorithm[] = ['EdDSA', 'ES256', 'ES512', 'PS256', 'RS256'];
const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** The options with their defaults, checked once: a wrong value fails the build, not the first request. */
export function resolveJwtOptions(options: JwtOptions): ResolvedJwtOptions {
  const keyPair = options.jwks?.keyPairConfig ?? { alg: 'EdDSA', crv: 'Ed25519' };
  if (!ALGORITHMS.includes(keyPair.alg)) throw new ConfigError(`JwtPlugin: jwks.keyPairConfig.alg must be one of ${ALGORITHMS.join(', ')} (got ${String(keyPair.alg)}).`);
  const rotation = options.jwks?.rotationInterval;
  if (rotation !== undefined && !(rotation > 0)) throw new ConfigError(`JwtPlugin: jwks.rotationInterval must be a positive number of seconds (got ${rotation}).`);
  const grace = options.jwks?.gracePeriod ?? THIRTY_DAYS;
  if (!(grace >= 0)) throw new ConfigError(`JwtPlugin: jwks.gracePeriod must be a number of seconds >= 0 (got ${grace}).`);
  const jwksPath = options.jwks?.jwksPath ?? '/jwks';
  if (!jwksPath.startsWith('/') || jwksPath.includes('..') || jwksPath.includes(':') || jwksPath.includes('*')) {
    throw new ConfigError(`JwtPlugin: jwks.jwksPath must be a plain path starting with "/" (got ${jwksPath}).`);
  }
  return Object.freeze({
    issuer: options.jwt?.issuer ?? null,
    audience: options.jwt?.audience ?? null,
    lifetimeSeconds: lifetimeSeconds(options.jwt?.expirationTime ?? '15m'),
    definePayload: options.jwt?.definePayload ?? null,
    getSubject: options.jwt?.getSubject ?? null,
    keyPair,
    rotationIntervalSeconds: rotation ?? null,
    gracePeriodSeconds: grace,
    jwksPath,
    setJwtHeader: !options.disableSettingJwtHeader,
    tableNames: options.schema?.jwks ?? {},
  });
}
