import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { digestToken } from '../../crypto/session-token';
import { AuthError } from '../../errors/auth-error';
import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { ONE_TIME_TOKEN_ERRORS } from './error-codes';
import { issueOneTimeToken, ONE_TIME_TOKEN_PURPOSE, redeemOneTimeToken, type RedeemedSession } from './one-time-tokens';
import { resolveOneTimeTokenOptions, type OneTimeTokenOptions, type ResolvedOneTimeTokenOptions } from './options';
import { generateRoute, verifyRoute } from './routes';

/**
 * Hands a signed-in user over to another device (better-auth's `one-time-token` plugin, for its
 * `oneTimeTokenClient`): `GET /one-time-token/generate` mints a token good once and for three minutes,
 * `POST /one-time-token/verify` redeems it. Tokens are stored as digests and consumed atomically. Unlike
 * better-auth, the redeeming device gets a session of its own (signing one device out leaves the other
 * signed in), and a token whose minting session ended is refused.
 * @example
 * new BetterAuth(config).database(db).plugin(new OneTimeTokenPlugin({ expiresIn: 5 }))
 * const { token } = await auth.api.oneTimeToken.generate({ sessionToken }); // server side
 */
export class OneTimeTokenPlugin implements AuthPlugin {
  readonly id = 'one-time-token';
  readonly options: ResolvedOneTimeTokenOptions;
  readonly tokenPurposes = [ONE_TIME_TOKEN_PURPOSE];
  readonly errorCodes = ONE_TIME_TOKEN_ERRORS;

  constructor(options: OneTimeTokenOptions = {}) {
    this.options = resolveOneTimeTokenOptions(options);
  }

  routes(): RouteDefinition[] {
    return [generateRoute(this.options), verifyRoute(this.options)];
  }

  api(auth: AuthContext) {
    const expiresInSeconds = this.options.expiresInSeconds;
    return {
      oneTimeToken: {
        /**
         * Mints a token for the live session whose raw token is given (works with `disableClientRequest`).
         * Throws 401 `UNAUTHORIZED` when that session is unknown or over.
         */
        generate: async (input: { sessionToken: string }): Promise<{ token: string }> => {
          const origin = await auth.sessions.findLiveByDigest(digestToken(input.sessionToken));
          if (!origin) throw new AuthError('UNAUTHORIZED');
          return { token: await issueOneTimeToken(auth, input.sessionToken, auth.models.session.read(origin.session, 'userId'), expiresInSeconds) };
        },
        /** Redeems a token for a new session (the raw session token is in the answer); the errors of the route. */
        verify: (input: { token: string; client?: ClientInfo }): Promise<RedeemedSession> =>
          redeemOneTimeToken(auth, input.token, input.client ?? { ipAddress: null, userAgent: null }),
      },
    };
  }
}
