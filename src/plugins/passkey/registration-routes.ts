import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { randomBytes } from 'node:crypto';
import { assertFreshSession } from '../../core/fresh-session';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { clearChallengeCookie, startCeremony, takeCeremony } from './challenge';
import { CredentialOptionsResponse, PasskeyResponse, RegisterOptionsQuery, VerifyRegistrationDto } from './dtos';
import { PASSKEY_ERRORS } from './error-codes';
import { relyingParty, type ResolvedPasskeyOptions } from './options';
import { asPasskey, findPasskey, listPasskeys, passkeyRecords, transportsOf } from './passkey-rows';
import { looksLikeRegistration } from './response-shape';
import { webAuthnLibrary } from './webauthn-library';

const MAX_CREDENTIAL_ID = 255;
// What WebAuthn defines; anything else the browser claims is dropped, not stored (and not echoed in excludeCredentials).
const KNOWN_TRANSPORTS = new Set<unknown>(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/**
 * `GET /passkey/generate-register-options?name=&authenticatorAttachment=`: the options for
 * `navigator.credentials.create`, for the signed-in user, with a fresh session (adding a way in wants proof
 * that the person at the keyboard signed in recently). The user's passkeys are in `excludeCredentials`, so an
 * authenticator that already holds one refuses to make a second. The WebAuthn user handle is random per
 * ceremony, as better-auth's: it never carries the user's id to the authenticator.
 */
export function generateRegisterOptionsRoute(options: ResolvedPasskeyOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/passkey/generate-register-options',
    summary: 'Options to register a passkey for the signed-in user',
    query: RegisterOptionsQuery,
    session: 'required',
    response: { body: CredentialOptionsResponse },
    errors: ['SESSION_NOT_FRESH'],
    handle: async (ctx, _body, query: RegisterOptionsQuery) => {
      const { session, user } = await ctx.requireSession();
      assertFreshSession(ctx.auth, session);
      const userId = ctx.auth.models.user.read(user, 'id');
      const label = String(ctx.auth.models.user.read(user, 'email') || userId);
      const rp = relyingParty(ctx.auth, options);
      const { generateRegistrationOptions } = await webAuthnLibrary();
      const creation = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userID: randomBytes(32),
        userName: query.name || label,
        userDisplayName: label,
        attestationType: 'none',
        excludeCredentials: (await listPasskeys(ctx.auth, userId)).map((row) => ({ id: row.credentialID, transports: transportsOf(row) })),
        authenticatorSelection: {
          ...options.authenticatorSelection,
          ...(query.authenticatorAttachment ? { authenticatorAttachment: query.authenticatorAttachment } : {}),
        },
      });
      const cookie = await startCeremony(ctx.auth, 'registration', { challenge: creation.challenge, userId }, options.challengeMaxAgeSeconds);
      ctx.response.headers.push(['set-cookie', cookie]);
      return creation;
    },
  });
}

/**
 * `POST /passkey/verify-registration` `{ response, name? }` → the new passkey. The challenge comes from the
 * cookie (once) and must have been issued to this session's user; origin and rp id are checked against this
 * server's relying party (not the request's Origin header, which better-auth trusts). A credential already
 * registered (to anyone) is refused, so one authenticator credential never belongs to two users.
 */
export function verifyRegistrationRoute(options: ResolvedPasskeyOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/passkey/verify-registration',
    summary: 'Verify a new passkey and store it',
    body: VerifyRegistrationDto,
    session: 'required',
    response: { body: PasskeyResponse },
    errors: ['SESSION_NOT_FRESH', PASSKEY_ERRORS.CHALLENGE_NOT_FOUND, PASSKEY_ERRORS.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY, PASSKEY_ERRORS.FAILED_TO_VERIFY_REGISTRATION, PASSKEY_ERRORS.PREVIOUSLY_REGISTERED],
    handle: async (ctx, dto: VerifyRegistrationDto) => {
      const auth = ctx.auth;
      const { session, user } = await ctx.requireSession();
      assertFreshSession(auth, session);
      const pending = await takeCeremony(auth, ctx.request, 'registration');
      ctx.response.headers.push(['set-cookie', clearChallengeCookie(auth)]);
      const userId = auth.models.user.read(user, 'id');
      if (pending.userId !== userId) throw new AuthError(PASSKEY_ERRORS.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY);
      if (!looksLikeRegistration(dto.response)) throw new AuthError(PASSKEY_ERRORS.FAILED_TO_VERIFY_REGISTRATION);

      const rp = relyingParty(auth, options);
      const { verifyRegistrationResponse } = await webAuthnLibrary();
      let info;
      try {
        const verification = await verifyRegistrationResponse({
          response: dto.response as unknown as RegistrationResponseJSON,
          expectedChallenge: pending.challenge,
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          requireUserVerification: false,
        });
        info = verification.verified ? verification.registrationInfo : undefined;
      } catch {
        // Whatever the library could not parse or check is the caller's bad input, never a 500.
        info = undefined;
      }
      // The column holds 255 characters; a longer id is refused here rather than failing the insert with a 5xx.
      if (!info || info.credential.id.length > MAX_CREDENTIAL_ID) throw new AuthError(PASSKEY_ERRORS.FAILED_TO_VERIFY_REGISTRATION);
      if (await findPasskey(auth, { credentialID: info.credential.id })) throw new AuthError(PASSKEY_ERRORS.PREVIOUSLY_REGISTERED);

      const transports = (dto.response.response as { transports?: unknown }).transports;
      const values = {
        name: dto.name?.trim() || null,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64'),
        userId,
        credentialID: info.credential.id,
        counter: info.credential.counter,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        transports: Array.isArray(transports) ? transports.filter((t) => KNOWN_TRANSPORTS.has(t)).join(',') : '',
        aaguid: info.aaguid,
        createdAt: new Date(),
      };
      try {
        return asPasskey(await passkeyRecords(auth).create(values));
      } catch (error) {
        // Two registrations of one credential racing: the unique index let one through.
        if (await findPasskey(auth, { credentialID: info.credential.id })) throw new AuthError(PASSKEY_ERRORS.PREVIOUSLY_REGISTERED);
        throw error;
      }
    },
  });
}
