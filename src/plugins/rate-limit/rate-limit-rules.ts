import { matchesPath, type PathMatcher } from '../../core/path-matcher';
import type { CustomRateLimit, DeclaredRateLimitRule } from '../../core/rate-limit-rules';

/** The limit that applies to one route. */
export interface AppliedLimit {
  readonly windowSeconds: number;
  readonly max: number;
}

/** Guessing a password or flooding sign-ups: a few tries per 10 s (better-auth's defaults). */
const CREDENTIAL_PATHS: readonly PathMatcher[] = ['/sign-in/*', '/sign-up/*'];
/** Routes that send an email: each hit puts a live token in someone's inbox. */
const EMAIL_PATHS: readonly PathMatcher[] = ['/request-password-reset', '/forget-password', '/send-verification-email', '/change-email'];
/** The hot path of every page view: never limited unless the app says so (and costs no counter then). */
const UNLIMITED_BY_DEFAULT: readonly PathMatcher[] = ['/get-session', '/ok'];

/**
 * Which limit a route gets, decided once per route when the instance is built: the app's `customRules`
 * first, then the rules plugins declared, then the built-in strict rules, then the default window.
 */
export function limitFor(
  path: string,
  defaults: AppliedLimit,
  customRules: Readonly<Record<string, CustomRateLimit>>,
  pluginRules: readonly DeclaredRateLimitRule[],
): AppliedLimit | null {
  for (const [matcher, rule] of Object.entries(customRules)) if (matchesPath(matcher, path)) return rule === false ? null : rule;
  const declared = pluginRules.find((rule) => matchesPath(rule.path, path));
  if (declared) return { windowSeconds: declared.windowSeconds, max: declared.max };
  if (UNLIMITED_BY_DEFAULT.some((matcher) => matchesPath(matcher, path))) return null;
  if (CREDENTIAL_PATHS.some((matcher) => matchesPath(matcher, path))) return { windowSeconds: 10, max: 3 };
  if (EMAIL_PATHS.some((matcher) => matchesPath(matcher, path))) return { windowSeconds: 60, max: 3 };
  return defaults;
}
