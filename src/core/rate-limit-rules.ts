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
