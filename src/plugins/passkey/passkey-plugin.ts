import type { AuthContext } from '../../core/auth-context';
import type { RateLimitRule } from '../../core/rate-limit-rules';
import type { RouteDefinition } from '../../http/route';
import type { PluginSchema } from '../../schema/auth-schema';
import type { AuthPlugin } from '../auth-plugin';
import { generateAuthenticateOptionsRoute, verifyAuthenticationRoute } from './authentication-routes';
import { CEREMONY_PURPOSES } from './challenge';
import { PASSKEY_ERRORS } from './error-codes';
import { deletePasskeyRoute, listPasskeysRoute, updatePasskeyRoute } from './management-routes';
import { resolvePasskeyOptions, type PasskeyOptions, type ResolvedPasskeyOptions } from './options';
import { passkeyRecords } from './passkey-rows';
import { generateRegisterOptionsRoute, verifyRegistrationRoute } from './registration-routes';
import { PASSKEY_MODEL, passkeyTable } from './schema';

/**
 * Passkeys (WebAuthn; better-auth's `passkey` plugin, for its `passkeyClient`), verified by
 * `@simplewebauthn/server`. A signed-in user registers passkeys; anyone signs in with one, through the sign-in
 * pipeline. Each ceremony's challenge is stored single use (as a token purpose of its own) and named by a
 * signed five-minute cookie. The relying party is `baseURL`'s host and the trusted origins unless `rpID` and
 * `origin` say otherwise (behind a proxy).
 * @example
 * new BetterAuth({ ...config, baseURL: 'https://app.example.com' }).database(db).plugin(new PasskeyPlugin({ rpName: 'Acme' }))
 */
export class PasskeyPlugin implements AuthPlugin {
  readonly id = 'passkey';
  readonly errorCodes = PASSKEY_ERRORS;
  readonly options: ResolvedPasskeyOptions;
  readonly schema: PluginSchema;
  readonly tokenPurposes = [CEREMONY_PURPOSES.registration, CEREMONY_PURPOSES.authentication];
  // Each options request stores a challenge: bound them per client like the other sign-in routes.
  readonly rateLimit: readonly RateLimitRule[] = [{ path: (path: string) => path.startsWith('/passkey/'), windowSeconds: 60, max: 30 }];

  constructor(options: PasskeyOptions = {}) {
    this.options = resolvePasskeyOptions(options);
    this.schema = { tables: { [PASSKEY_MODEL]: passkeyTable(options.schema?.passkey) } };
  }

  init(auth: AuthContext): void {
    // A passkey added while the address was unproven was added by whoever held the account then: when the
    // owner later proves the address, it goes with the passwords and sessions of that time.
    auth.hooks.onAddressClaimed(async ({ userId, tx }) => {
      await passkeyRecords(auth, tx).deleteMany({ userId });
    });
  }

  routes(): RouteDefinition[] {
    return [
      generateRegisterOptionsRoute(this.options),
      verifyRegistrationRoute(this.options),
      generateAuthenticateOptionsRoute(this.options),
      verifyAuthenticationRoute(this.options),
      listPasskeysRoute(),
      updatePasskeyRoute(),
      deletePasskeyRoute(),
    ];
  }
}
