import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { claimAddress } from '../../core/address-claim';
import { normaliseEmail } from '../../core/normalise-email';
import type { AccountTokens } from './account-tokens';
import type { ResolvedSocialSignInOptions } from './options';
import { profileUserFields } from './profile-user';
import type { ProviderProfile, ProviderTokens, SocialProvider } from './provider';

/** The user a provider profile signs in, or why it cannot (a snake_case code for the error page). */
export type ProfileUser =
  | { readonly ok: true; readonly user: object; readonly isNew: boolean }
  | { readonly ok: false; readonly error: 'email_not_found' | 'account_not_linked' | 'signup_disabled' | 'unable_to_create_user' };

interface Input {
  readonly provider: SocialProvider;
  readonly profile: ProviderProfile;
  readonly tokens: ProviderTokens;
}

/**
 * Finds or creates the user of a provider profile:
 * 1. the provider account is known → its user (tokens updated; user info too with `overrideUserInfoOnSignIn`);
 * 2. a user has the email → the account links to it only if linking is enabled, the provider says the email
 *    is verified, and either the local email is verified too or the provider is trusted (see `AccountLinkingOptions`);
 * 3. nobody → a new user with the account, unless sign-up is disabled for the provider.
 *
 * Concurrent callbacks for one person race on the unique indexes (user email; provider + account id): the
 * loser's insert fails and it starts over once, now finding what the winner wrote, so one person is never
 * two users and one provider account never two accounts.
 */
export async function userForProfile(auth: AuthContext, options: ResolvedSocialSignInOptions, tokens: AccountTokens, input: Input): Promise<ProfileUser> {
  try {
    return await resolve(auth, options, tokens, input);
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    return resolve(auth, options, tokens, input);
  }
}

async function resolve(auth: AuthContext, options: ResolvedSocialSignInOptions, tokens: AccountTokens, input: Input): Promise<ProfileUser> {
  const { provider, profile } = input;
  const accounts = auth.models.account;
  const known = await auth.db.getAccountByProvider(provider.id, profile.id);
  if (known) {
    await auth.db.updateAccount(accounts.read(known, 'id'), tokens.fields(input.tokens));
    const userId = accounts.read(known, 'userId');
    let user = await auth.db.getUserById(userId);
    if (user && provider.settings.overrideUserInfoOnSignIn) {
      user = (await auth.db.updateUser(userId, await profileUserFields(provider, profile))) ?? user;
    }
    return user ? { ok: true, user, isNew: false } : { ok: false, error: 'account_not_linked' };
  }
  if (!profile.email) return { ok: false, error: 'email_not_found' };
  const email = normaliseEmail(profile.email);
  const existing = await auth.db.getUserByEmail(email);
  if (existing) {
    if (!mayLinkByEmail(auth, options, provider, profile, existing)) return { ok: false, error: 'account_not_linked' };
    const userId = auth.models.user.read(existing, 'id');
    // The provider vouched for the address: a user who never proved it first loses what was set up on it
    // (a squatter's password and sessions), then the provider is linked, all in one transaction.
    const claim = await claimAddress(auth, userId, (tx) => tx.createAccount({ userId, providerId: provider.id, accountId: profile.id, ...tokens.fields(input.tokens) }));
    return claim.user ? { ok: true, user: claim.user, isNew: false } : { ok: false, error: 'account_not_linked' };
  }
  if (provider.settings.disableSignUp) return { ok: false, error: 'signup_disabled' };
  const fields = await profileUserFields(provider, profile);
  const user = await auth.db.transaction(async (tx) => {
    const created = await tx.createUser({ ...fields, email, emailVerified: profile.emailVerified });
    await tx.createAccount({ userId: auth.models.user.read(created, 'id'), providerId: provider.id, accountId: profile.id, ...tokens.fields(input.tokens) });
    return created;
  });
  return { ok: true, user, isNew: true };
}

function mayLinkByEmail(auth: AuthContext, options: ResolvedSocialSignInOptions, provider: SocialProvider, profile: ProviderProfile, user: object): boolean {
  const linking = options.accountLinking;
  if (!linking.enabled || !profile.emailVerified) return false;
  return linking.trustedProviders.includes(provider.id) || auth.models.user.read(user, 'emailVerified') === true;
}
