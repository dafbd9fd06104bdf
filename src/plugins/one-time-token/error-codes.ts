import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The one-time-token plugin's own codes. better-auth's `oneTimeTokenClient` declares none, so its 400s carry a
 * message only; these keep its status and wording and add a code. An unknown, used or expired token answers
 * the engine's `INVALID_TOKEN` (400, "Invalid token"), as better-auth's message reads.
 * @example
 * throw new AuthError(ONE_TIME_TOKEN_ERRORS.ORIGIN_SESSION_ENDED); // 400 { code: 'ORIGIN_SESSION_ENDED', message: 'Session not found' }
 */
export const ONE_TIME_TOKEN_ERRORS = defineErrorCodes({
  /** The session that minted the token ended (signed out, revoked, expired) before the token was used. */
  ORIGIN_SESSION_ENDED: { status: 400, message: 'Session not found' },
  /** `disableClientRequest`: only server code may mint tokens. */
  CLIENT_REQUESTS_DISABLED: { status: 400, message: 'Client requests are disabled' },
});
