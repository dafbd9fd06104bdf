/**
 * Options of `OneTimeTokenPlugin`, named as better-auth's `oneTimeToken` options.
 * @example
 * new OneTimeTokenPlugin({ expiresIn: 5, disableClientRequest: true })
 */
export interface OneTimeTokenOptions {
  /** How long a token works, in **minutes** as in better-auth (default 3). */
  expiresIn?: number;
  /**
   * Refuse `GET /one-time-token/generate` over HTTP (400 `CLIENT_REQUESTS_DISABLED`): tokens are then minted
   * only by server code, through `auth.api.oneTimeToken.generate({ sessionToken })`.
   */
  disableClientRequest?: boolean;
  /** Answer `POST /one-time-token/verify` without the session cookie (the body still carries the new session's token). */
  disableSetSessionCookie?: boolean;
}

export interface ResolvedOneTimeTokenOptions {
  readonly expiresInSeconds: number;
  readonly disableClientRequest: boolean;
  readonly disableSetSessionCookie: boolean;
}

/** Applies the defaults once and refuses a lifetime that is not a positive number of minutes. */
export function resolveOneTimeTokenOptions(options: OneTimeTokenOptions): ResolvedOneTimeTokenOptions {
  const minutes = options.expiresIn ?? 3;
  if (!(Number.isFinite(minutes) && minutes > 0)) throw new Error(`OneTimeTokenPlugin: expiresIn must be a positive number of minutes (got ${minutes}).`);
  return Object.freeze({
    expiresInSeconds: Math.round(minutes * 60),
    disableClientRequest: options.disableClientRequest ?? false,
    disableSetSessionCookie: options.disableSetSessionCookie ?? false,
  });
}
