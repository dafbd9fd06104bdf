import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { normaliseEmail } from '../../core/normalise-email';
import type { AccountTokens } from './account-tokens';
import type { ResolvedSocialSignInOptions } from './options';
import type { ProviderProfile, ProviderTokens, SocialProvider } from './provider';

export type LinkOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: 'account_already_linked_to_different_user' | 'email_does_not_match' | 'unable_to_link_account' };

/**
 * Adds a provider account to the signed-in user who started `link-social`. A provider account already on
 * another user stays there (answered, never moved); on this user it only gets the new tokens. The unique
 * index on provider + account id settles two concurrent links of one provider account: one insert wins.
 */
export async function linkProfile(
  auth: AuthContext,
  options: ResolvedSocialSignInOptions,
  tokens: AccountTokens,
  input: { userId: string; provider: SocialProvider; profile: ProviderProfile; tokens: ProviderTokens },
): Promise<LinkOutcome> {
  const { provider, profile, userId } = input;
  const accounts = auth.models.account;
  const known = await auth.db.getAccountByProvider(provider.id, profile.id);
  if (known) {
    if (accounts.read(known, 'userId') !== userId) return { ok: false, error: 'account_already_linked_to_different_user' };
    await auth.db.updateAccount(accounts.read(known, 'id'), tokens.fields(input.tokens));
    return { ok: true };
  }
  const user = await auth.db.getUserById(userId);
  if (!user) return { ok: false, error: 'unable_to_link_account' };
  const own = auth.models.user.read(user, 'email');
  const sameEmail = profile.email !== null && typeof own === 'string' && normaliseEmail(profile.email) === normaliseEmail(own);
  if (!sameEmail && !options.accountLinking.allowDifferentEmails) return { ok: false, error: 'email_does_not_match' };
  try {
    await auth.db.createAccount({ userId, providerId: provider.id, accountId: profile.id, ...tokens.fields(input.tokens) });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const winner = await auth.db.getAccountByProvider(provider.id, profile.id);
    return winner && accounts.read(winner, 'userId') === userId ? { ok: true } : { ok: false, error: 'account_already_linked_to_different_user' };
  }
  return { ok: true };
}
