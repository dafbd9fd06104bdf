import type { PathMatcher } from './path-matcher';

/**
 * A limit a plugin asks for on its own paths (better-auth's plugin `rateLimit`): at most `max` requests per
 * client in `windowSeconds`. The rate limiter reads every plugin's rules from `AuthContext.rateLimitRules`;
 * a plugin only declares them.
 * @example
 * readonly rateLimit = [{ path: '/two-factor/verify-totp', windowSeconds: 10, max: 3 }];
 */
export interface RateLimitRule {
  readonly path: PathMatcher;
  readonly windowSeconds: number;
  readonly max: number;
}

/** A declared rule with the id of the plugin that declared it. */
export interface DeclaredRateLimitRule extends RateLimitRule {
  readonly source: string;
}

/** Checks a plugin's rules when the instance is built, so a typo fails at start rather than never limiting. */
export function checkRateLimitRule(source: string, rule: RateLimitRule): DeclaredRateLimitRule {
  if (!(Number.isInteger(rule.max) && rule.max >= 1) || !(rule.windowSeconds > 0)) {
    throw new TypeError(`Plugin "${source}" declares a rate limit with max ${rule.max} per ${rule.windowSeconds}s; need an integer max >= 1 and a window > 0.`);
  }
  return { ...rule, source };
}

/**
 * Counts hits per key in fixed windows: the rate limiter's only storage need. Memory by default; a secondary
 * storage (Redis) implements it with an atomic increment so every process counts together.
 */
export interface RateLimitStore {
  /** Counts one hit on `key` and answers how many the current window holds and when it ends. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
}

/** A path's own limit, or `false` for no limit on it. */
export type CustomRateLimit = { windowSeconds: number; max: number } | false;

/**
 * `AuthConfig.rateLimit`, in better-auth's terms: on by default when `NODE_ENV=production`; 100 requests per
 * 10 s per client and path; stricter built-in rules for signing in, signing up and sending emails; rules the
 * plugins declare; and the app's own rules per path (`customRules`), which win over all others.
 * @example
 * rateLimit: { enabled: true, customRules: { '/sign-in/email': { windowSeconds: 60, max: 5 }, '/ok': false } }
 */
export interface RateLimitOptions {
  enabled?: boolean;
  windowSeconds?: number;
  max?: number;
  customRules?: Readonly<Record<string, CustomRateLimit>>;
  /**
   * Where counters live (better-auth's names): `'memory'` (this process only), `'database'` (a `rateLimit`
   * table, which then joins the schema and migrations) or `'secondary-storage'`. Default: the secondary
   * storage when one is configured, else memory.
   */
  storage?: 'memory' | 'database' | 'secondary-storage';
  /** A store of your own (better-auth's `customStorage`); wins over `storage`. */
  store?: RateLimitStore;
}
