/**
 * Options of `MultiSessionPlugin`, named as better-auth's `multiSession` options.
 * @example
 * new MultiSessionPlugin({ maximumSessions: 3 })
 */
export interface MultiSessionOptions {
  /**
   * How many accounts one browser may hold at once (default 5, as better-auth). Signing in to one more
   * account ends the oldest held session (see the plugin's doc comment).
   */
  maximumSessions?: number;
}

export interface ResolvedMultiSessionOptions {
  readonly maximumSessions: number;
}

/** Applies the default once and refuses a bound that is not a whole number of at least 1. */
export function resolveMultiSessionOptions(options: MultiSessionOptions): ResolvedMultiSessionOptions {
  const maximumSessions = options.maximumSessions ?? 5;
  if (!(Number.isInteger(maximumSessions) && maximumSessions >= 1)) {
    throw new Error(`MultiSessionPlugin: maximumSessions must be an integer >= 1 (got ${maximumSessions}).`);
  }
  return Object.freeze({ maximumSessions });
}
