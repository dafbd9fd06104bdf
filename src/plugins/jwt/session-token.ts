import { sessionJson, userJson } from '../../core/entity-json';
import type { ActiveSession } from '../../core/session-service';
import type { AuthContext } from '../../core/auth-context';
import type { JwtSessionInput, ResolvedJwtOptions } from './options';
import type { TokenSigner } from './token-signer';

/**
 * The JWT of a session: the user's public fields (or what `definePayload` makes of the session), `sub` the
 * user's id (or `getSubject`'s), `iat` now, and `exp`, `iss`, `aud` from the options. The app's callbacks see
 * the user and session as the API answers them, minus the session token: a callback that spreads the session
 * into the claims must not put a bearer credential into a token services pass around.
 */
export async function signSessionToken(auth: AuthContext, signer: TokenSigner, options: ResolvedJwtOptions, active: ActiveSession): Promise<string> {
  const session = sessionJson(auth, active.session, '');
  delete session.token;
  const input: JwtSessionInput = { user: userJson(auth, active.user), session };
  const claims = options.definePayload ? await options.definePayload(input) : input.user;
  const subject = options.getSubject ? await options.getSubject(input) : String(auth.models.user.read(active.user, 'id'));
  return signer.sign({ iat: Math.floor(Date.now() / 1000), ...claims, sub: subject });
}
