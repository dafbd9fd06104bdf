import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { sessionJson, userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { clearChallengeCookie, startCeremony, takeCeremony } from './challenge';
import { CredentialOptionsResponse, PasskeySessionResponse, VerifyAuthenticationDto } from './dtos';
import { MALFORMED_ASSERTION, PASSKEY_ERRORS, UNKNOWN_CREDENTIAL } from './error-codes';
import { relyingParty, type ResolvedPasskeyOptions } from './options';
import { findPasskey, listPasskeys, passkeyRecords, transportsOf } from './passkey-rows';
import { looksLikeAssertion } from './response-shape';
import { webAuthnLibrary } from './webauthn-library';

/**
 * `GET /passkey/generate-authenticate-options`: the options for `navigator.credentials.get`. Signed out, no
 * `allowCredentials` (the authenticator offers its discoverable credentials for this rp id); signed in, the
 * user's own passkeys.
 */
export function generateAuthenticateOptionsRoute(options: ResolvedPasskeyOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/passkey/generate-authenticate-options',
    summary: 'Options to sign in with a passkey',
    session: 'optional',
    response: { body: CredentialOptionsResponse },
    handle: async (ctx) => {
      const active = await ctx.session();
      const userId = active ? ctx.auth.models.user.read(active.user, 'id') : '';
      const own = userId ? await listPasskeys(ctx.auth, userId) : [];
      const { generateAuthenticationOptions } = await webAuthnLibrary();
      const request = await generateAuthenticationOptions({
        rpID: relyingParty(ctx.auth, options).id,
        userVerification: 'preferred',
        ...(own.length ? { allowCredentials: own.map((row) => ({ id: row.credentialID, transports: transportsOf(row) })) } : {}),
      });
      const cookie = await startCeremony(ctx.auth, 'authentication', { challenge: request.challenge, userId }, options.challengeMaxAgeSeconds);
      ctx.response.headers.push(['set-cookie', cookie]);
      return request;
    },
  });
}

/**
 * `POST /passkey/verify-authentication` `{ response }` → `{ session, user }` with the session cookie. The
 * challenge is taken from the cookie once (a replayed assertion finds none); the signature is checked with
 * the stored public key against this server's origins and rp id; the signature counter must rise when the
 * authenticator keeps one, and is raised with a conditional update so two racing uses of one assertion
 * cannot both pass. The session opens through the sign-in pipeline (bans and the other steps apply). A
 * passkey verified with user verification (a PIN or biometric unlocked it) is two factors in one, so the
 * pipeline is told and a two-factor step does not ask again; without user verification it is one factor.
 *
 * No address claim: a passkey proves possession of an authenticator registered from a session of this user,
 * not ownership of the email address, so it neither marks the address verified nor clears anything.
 */
export function verifyAuthenticationRoute(options: ResolvedPasskeyOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/passkey/verify-authentication',
    summary: 'Sign in with a passkey',
    body: VerifyAuthenticationDto,
    response: { body: PasskeySessionResponse },
    errors: [PASSKEY_ERRORS.CHALLENGE_NOT_FOUND, UNKNOWN_CREDENTIAL, PASSKEY_ERRORS.AUTHENTICATION_FAILED, MALFORMED_ASSERTION],
    handle: async (ctx, dto: VerifyAuthenticationDto) => {
      const auth = ctx.auth;
      const pending = await takeCeremony(auth, ctx.request, 'authentication');
      ctx.response.headers.push(['set-cookie', clearChallengeCookie(auth)]);
      if (!looksLikeAssertion(dto.response)) throw new AuthError(MALFORMED_ASSERTION);
      const passkey = await findPasskey(auth, { credentialID: String(dto.response.id) });
      if (!passkey) throw new AuthError(UNKNOWN_CREDENTIAL);

      const rp = relyingParty(auth, options);
      const { verifyAuthenticationResponse } = await webAuthnLibrary();
      let checked;
      try {
        checked = await verifyAuthenticationResponse({
          response: dto.response as unknown as AuthenticationResponseJSON,
          expectedChallenge: pending.challenge,
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          credential: { id: passkey.credentialID, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64')), counter: passkey.counter, transports: transportsOf(passkey) },
          requireUserVerification: false,
        });
      } catch {
        // Wrong origin or rp id, a counter that did not rise, an unparsable field: the library throws.
        throw new AuthError(MALFORMED_ASSERTION);
      }
      if (!checked.verified) throw new AuthError(PASSKEY_ERRORS.AUTHENTICATION_FAILED);
      const raised = await passkeyRecords(auth).update({ id: passkey.id, counter: passkey.counter }, { counter: checked.authenticationInfo.newCounter });
      if (raised !== 1) throw new AuthError(PASSKEY_ERRORS.AUTHENTICATION_FAILED);

      const user = await auth.db.getUserById(passkey.userId);
      if (!user) throw new AuthError(UNKNOWN_CREDENTIAL);
      const outcome = await auth.signIn.open(user, {
        via: 'passkey',
        client: ctx.client,
        response: ctx.response,
        multiFactor: checked.authenticationInfo.userVerified,
      });
      if (outcome.kind === 'refused') throw outcome.error;
      if (outcome.kind === 'answer') return outcome.body;
      attachSession(auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
      return { session: sessionJson(auth, outcome.session, outcome.token), user: userJson(auth, outcome.user) };
    },
  });
}
