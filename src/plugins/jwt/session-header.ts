import type { AfterRequestHook } from '../../http/request-hooks';
import type { ResolvedJwtOptions } from './options';
import { signSessionToken } from './session-token';
import type { TokenSigner } from './token-signer';

/** The response header that carries a session's JWT on get-session, as better-auth names it. */
export const JWT_HEADER = 'set-auth-jwt';

/**
 * Adds `set-auth-jwt: <JWT>` to a get-session answer that found a session, so a client gets its token without
 * a second call. Only get-session: the matcher is exact, and other routes pay nothing. `signer` is asked when
 * the hook runs: hooks are declared before the instance is built, the signer exists only after.
 */
export function sessionJwtHeader(signer: () => TokenSigner, options: ResolvedJwtOptions): AfterRequestHook {
  return {
    matcher: '/get-session',
    handle: async (ctx, outcome) => {
      if (outcome.status !== 200 || outcome.body === null) return;
      const active = await ctx.session();
      if (!active) return;
      ctx.response.headers.push([JWT_HEADER, await signSessionToken(ctx.auth, signer(), options, active)]);
    },
  };
}
