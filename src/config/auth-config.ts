import type { PasswordHasher } from '../crypto/password-hasher';
import type { Logger } from '../core/logger';
import type { EmailSender } from '../email/email-sender';
import type { DatabaseHooks } from '../core/database-hooks';
import type { RateLimitOptions } from '../core/rate-limit-rules';
import type { PasswordHashingLimits } from '../core/bounded-hasher';
import type { SecondaryStorage } from '../core/secondary-storage';
import type { HealthOptions } from '../observability/health-check';
import type { TrustProxyHeadersOption } from '../core/proxy-trust';

/** `SameSite` attribute of the session cookie. */
export type SameSite = 'lax' | 'strict' | 'none';

/** Session lifetime and cookie options. Durations are in seconds, as in better-auth. */
export interface SessionConfig {
  /** Lifetime of a session (default 7 days). */
  expiresIn?: number;
  /** A session used after this many seconds gets its expiry pushed forward, at most once per period (default 1 day). */
  updateAge?: number;
  /** Name of the session cookie (default `better-auth.session_token`; `__Secure-` is prefixed on https). */
  cookieName?: string;
  /** Secure attribute (default: true when `baseURL` is https). */
  cookieSecure?: boolean;
  /** HttpOnly attribute (default true). */
  cookieHttpOnly?: boolean;
  /** SameSite attribute (default `lax`). */
  cookieSameSite?: SameSite;
  /** Domain attribute (default: none, the host only). */
  cookieDomain?: string;
  /**
   * A session younger than this many seconds counts as fresh: deleting the user without a password, setting
   * a password and unlinking an account need one (default 1 day, as in better-auth; 0 turns the check off).
   */
  freshAge?: number;
  /**
   * With a `secondaryStorage`: keep sessions in the database too, as the system of record (default `true`,
   * unlike better-auth's `false`: a Redis restart then loses no session, and the database stays the place
   * to audit them). `false` keeps them only in the secondary storage, which must then always be reachable.
   */
  storeSessionInDatabase?: boolean;
  /**
   * With a `secondaryStorage` (and sessions in the database): a session served from the storage is checked
   * against the database again once its cached copy is this many seconds old (default 5). This is the bound
   * on how long another process can still accept a session whose revocation could not reach the storage
   * (the revoking process had lost Redis, or died before it could replay its marks).
   */
  recheckAfter?: number;
  /**
   * Moving in from better-auth, which stores session tokens raw: a token whose digest matches no session is
   * looked up as a raw token once more, and a session found that way has its token replaced by the digest
   * there and then, so the browsers signed in before the move stay signed in and no raw token stays at rest
   * after its next use (`migrate --from better-auth` converts the rest in bulk). Default `false`: the
   * second lookup is only ever paid for while this is on, and only when the first one missed.
   */
  convertRawTokens?: boolean;
}

/** Where verification values (emailed tokens) live. */
export interface VerificationConfig {
  /**
   * With a `secondaryStorage`, verification values live there (expiry by TTL, single use by an atomic
   * take); `true` keeps them in the database's verification table instead (default `false`, as in better-auth).
   */
  storeInDatabase?: boolean;
}

/**
 * Everything `new BetterAuth(config)` accepts. Only `secret` is required.
 * @example
 * new BetterAuth({ secret: process.env.AUTH_SECRET!, baseURL: 'https://app.example.com', trustedOrigins: ['https://admin.example.com'] })
 */
export interface AuthConfig {
  /** Signs cookies; at least 32 characters of real randomness. Rotate it to sign everyone out. */
  secret: string;
  /** Public URL of the app (default `http://localhost:3000`); its origin is always trusted. */
  baseURL?: string;
  /** Where the routes are mounted (default `/api/auth`). */
  basePath?: string;
  /**
   * Origins allowed to send cookie-authenticated writes, besides the base URL's. Browser apps on these
   * origins may also call the API across origins: they get CORS answers (preflight included, with
   * credentials); no other origin ever does, and without this list no answer carries CORS headers.
   */
  trustedOrigins?: string[];
  session?: SessionConfig;
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /**
   * Take the client address from `X-Forwarded-For` (default false: the socket's peer). Turn on only behind
   * proxies that append to it; only the entries they added are believed, never what the client wrote:
   * - `true` or `{ hops: n }`: that many proxies always stand in front (`true` is one); the client is the nth
   *   entry from the right, the address the outermost of them saw;
   * - `{ proxies: ['10.0.0.0/8', '2001:db8::1'] }`: the proxies by address or CIDR; the client is the first
   *   address, from the peer leftward through the header, that is not one of them.
   */
  trustProxyHeaders?: TrustProxyHeadersOption;
  /** Replaces the built-in scrypt hasher. */
  passwordHasher?: PasswordHasher;
  /** Where errors and warnings go (default: `console`, errors only). Secrets are never passed to it. */
  logger?: Logger;
  /**
   * Delivers password-reset, verification and confirmation emails. Plugins that send email refuse to build
   * without one; use `ConsoleEmailSender` in development and `MemoryEmailSender` in tests.
   */
  emailSender?: EmailSender;
  /**
   * Code run before and after each create, update and delete of users, sessions, accounts and verifications
   * (better-auth's shape); see `DatabaseHooks`.
   */
  databaseHooks?: DatabaseHooks;
  /**
   * Request limits per client and per target account (see `RateLimitOptions`); on by default when
   * `NODE_ENV=production`. Behind a proxy, set `trustProxyHeaders` so the client address is the real one.
   */
  rateLimit?: RateLimitOptions;
  /** Bounds on password hashing under load: concurrent and waiting hashes (defaults 4 and 256). */
  passwordHashing?: PasswordHashingLimits;
  /**
   * A key-value store (Redis: `better-auth-entities/redis`) that serves sessions with their user on the hot
   * path and holds verification values and rate-limit counters, so several processes act as one. The
   * database stays the system of record (unless `session.storeSessionInDatabase: false`); revocations reach
   * both before they answer.
   */
  secondaryStorage?: SecondaryStorage;
  /**
   * Readiness: `auth.health()` always; `{ route: true }` also mounts `GET <basePath>/health` (200 up or
   * degraded, 503 down). `timeoutMs` bounds each probe (default 2000).
   */
  health?: HealthOptions;
  /** Where verification values live when a `secondaryStorage` is set (see `VerificationConfig`). */
  verification?: VerificationConfig;
  /**
   * Deletes expired sessions and verification tokens every `interval` seconds (default 3600), from the
   * moment the instance is built until `auth.close()`; `false` turns it off (when a job of your own does it).
   */
  purgeExpired?: { interval?: number } | false;
}
