import { ScryptPasswordHasher, type PasswordHasher } from '../crypto/password-hasher';
import { consoleLogger } from '../core/logger';
import { ContextualLogger } from '../observability/contextual-logger';
import type { EmailSender } from '../email/email-sender';
import type { DatabaseHooks } from '../core/database-hooks';
import type { AuthConfig, SameSite } from './auth-config';
import type { PasswordHashingLimits } from '../core/bounded-hasher';
import { ConfigError } from '../errors/config-error';
import { resolveProxyTrust, type ProxyTrust } from '../core/proxy-trust';

export { ConfigError };

/** The configuration with every default applied, resolved once when the auth instance is built. */
export interface ResolvedConfig {
  readonly secret: string;
  readonly baseURL: URL;
  readonly basePath: string;
  readonly trustedOrigins: ReadonlySet<string>;
  /** The origins of `AuthConfig.trustedOrigins` alone (not the base URL's): the only ones answered with CORS. */
  readonly corsOrigins: ReadonlySet<string>;
  readonly session: {
    readonly expiresInMs: number;
    readonly updateAgeMs: number;
    /** The cookie name this app sets. */
    readonly cookieName: string;
    /**
     * Names accepted when reading. With a Secure cookie only the `__Secure-` one: an unprefixed cookie can be
     * planted over http or from a sibling subdomain, a `__Secure-` one only by a secure page. Over http both.
     */
    readonly cookieNamesAccepted: readonly string[];
    readonly cookieSecure: boolean;
    readonly cookieHttpOnly: boolean;
    readonly cookieSameSite: SameSite;
    readonly cookieDomain: string | undefined;
    /** 0 when freshness is not checked. */
    readonly freshAgeMs: number;
    /** How long a session cached in the secondary storage is served before the database is asked again. */
    readonly recheckAfterMs: number;
    /** Whether a token matching no digest is looked up raw (a session better-auth stored) and converted. */
    readonly convertRawTokens: boolean;
  };
  readonly maxBodyBytes: number;
  /** Whether `X-Forwarded-For` is read at all. */
  readonly trustProxyHeaders: boolean;
  /** Which of its entries is the client's address; `null` when it is not read. */
  readonly proxyTrust: ProxyTrust | null;
  readonly passwordHasher: PasswordHasher;
  readonly passwordHashing: PasswordHashingLimits;
  /** The app's logger (or the console), adding the request and trace ids to every line. */
  readonly logger: ContextualLogger;
  /** Whether the app gave a logger of its own (then requests run in a scope so deep lines carry the request id). */
  readonly customLogger: boolean;
  readonly emailSender: EmailSender | null;
  /** `null` when none are configured, so the engine skips the hooked adapter and the request scope. */
  readonly databaseHooks: DatabaseHooks | null;
  /** How often expired sessions and verifications are deleted; `null` when that is turned off. */
  readonly purgeExpiredEveryMs: number | null;
  /** `GET /health` mounted or not, and how long each of its probes may take. */
  readonly health: { readonly route: boolean; readonly timeoutMs: number };
}

export const MIN_SECRET_LENGTH = 32;
const DAY_SECONDS = 24 * 60 * 60;
// The revocation bound when the secondary storage missed a revocation (see SessionConfig.recheckAfter):
// short enough to matter, long enough that a busy session costs the database one read every few seconds.
const DEFAULT_RECHECK_AFTER_SECONDS = 5;
const DEFAULT_COOKIE_NAME = 'better-auth.session_token';


/** Applies defaults and checks the configuration; throws `ConfigError` with the fix in the message. */
export function resolveConfig(config: AuthConfig): ResolvedConfig {
  const secret = config.secret;
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `AuthConfig.secret must be at least ${MIN_SECRET_LENGTH} characters (got ${typeof secret === 'string' ? secret.length : 'none'}). ` +
        `Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  const baseURL = parseBaseURL(config.baseURL ?? 'http://localhost:3000');
  const https = baseURL.protocol === 'https:';
  const session = config.session ?? {};
  const cookieSecure = session.cookieSecure ?? https;
  const plainName = session.cookieName ?? DEFAULT_COOKIE_NAME;
  const expiresIn = positive('session.expiresIn', session.expiresIn ?? 7 * DAY_SECONDS);
  const updateAge = nonNegative('session.updateAge', session.updateAge ?? DAY_SECONDS);
  const sameSite = session.cookieSameSite ?? 'lax';
  const proxyTrust = proxyTrustOf(config);
  if (sameSite === 'none' && !cookieSecure) {
    throw new ConfigError('session.cookieSameSite "none" needs a Secure cookie: use an https baseURL or set session.cookieSecure.');
  }

  return Object.freeze({
    secret,
    baseURL,
    basePath: normaliseBasePath(config.basePath ?? '/api/auth'),
    trustedOrigins: new Set([baseURL.origin, ...(config.trustedOrigins ?? []).map(originOf)]),
    corsOrigins: new Set((config.trustedOrigins ?? []).map(originOf)),
    session: Object.freeze({
      expiresInMs: expiresIn * 1000,
      updateAgeMs: updateAge * 1000,
      cookieName: cookieSecure ? `__Secure-${plainName}` : plainName,
      cookieNamesAccepted: Object.freeze(cookieSecure ? [`__Secure-${plainName}`] : [`__Secure-${plainName}`, plainName]),
      cookieSecure,
      cookieHttpOnly: session.cookieHttpOnly ?? true,
      cookieSameSite: sameSite,
      cookieDomain: session.cookieDomain,
      freshAgeMs: nonNegative('session.freshAge', session.freshAge ?? DAY_SECONDS) * 1000,
      recheckAfterMs: positive('session.recheckAfter', session.recheckAfter ?? DEFAULT_RECHECK_AFTER_SECONDS) * 1000,
      convertRawTokens: session.convertRawTokens === true,
    }),
    maxBodyBytes: positive('maxBodyBytes', config.maxBodyBytes ?? 1024 * 1024),
    trustProxyHeaders: proxyTrust !== null,
    proxyTrust,
    passwordHasher: config.passwordHasher ?? new ScryptPasswordHasher(),
    passwordHashing: config.passwordHashing ?? {},
    logger: new ContextualLogger(config.logger ?? consoleLogger),
    customLogger: config.logger !== undefined,
    emailSender: config.emailSender ?? null,
    databaseHooks: config.databaseHooks ?? null,
    health: Object.freeze({ route: config.health?.route ?? false, timeoutMs: positive('health.timeoutMs', config.health?.timeoutMs ?? 2000) }),
    purgeExpiredEveryMs: config.purgeExpired === false ? null : positive('purgeExpired.interval', config.purgeExpired?.interval ?? 3600) * 1000,
  });
}

function parseBaseURL(value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ConfigError(`AuthConfig.baseURL "${value}" is not an absolute URL; write it like https://app.example.com.`);
  }
}

function originOf(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new ConfigError(`AuthConfig.trustedOrigins entry "${value}" is not an origin; write it like https://app.example.com.`);
  }
}

/** `/api/auth/` and `api/auth` both become `/api/auth`; `/` becomes the empty prefix. */
function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`AuthConfig.${name} must be a positive number (got ${value}).`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`AuthConfig.${name} must be zero or more (got ${value}).`);
  return value;
}

function proxyTrustOf(config: AuthConfig): ProxyTrust | null {
  try {
    return resolveProxyTrust(config.trustProxyHeaders);
  } catch (error) {
    throw new ConfigError(`AuthConfig.${(error as Error).message}`);
  }
}
