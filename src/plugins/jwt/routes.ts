import { defineRoute, type RouteDefinition } from '../../http/route';
import { JwksResponse, TokenResponse } from './dtos';
import type { KeyRing } from './key-ring';
import type { ResolvedJwtOptions } from './options';
import { signSessionToken } from './session-token';
import type { TokenSigner } from './token-signer';

/** `GET /token` → `{ token }`: a JWT of the caller's session (401 without one). */
export function tokenRoute(signer: TokenSigner, options: ResolvedJwtOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/token',
    summary: "A JWT of the caller's session, for services that verify it with /jwks",
    session: 'required',
    response: { body: TokenResponse },
    handle: async (ctx) => ({ token: await signSessionToken(ctx.auth, signer, options, await ctx.requireSession()) }),
  });
}

/**
 * `GET /jwks` → `{ keys }`: the public keys, each with its `kid` and `alg`, including keys retired within
 * the grace period. Needs no session: verifiers fetch it on their own.
 */
export function jwksRoute(ring: KeyRing, options: ResolvedJwtOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: options.jwksPath,
    summary: 'The JSON Web Key Set that verifies the tokens of /token and set-auth-jwt',
    response: { body: JwksResponse },
    handle: async () => ({ keys: await ring.publishedKeys() }),
  });
}
