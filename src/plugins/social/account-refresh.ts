import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import type { AccountTokens, ClearTokens } from './account-tokens';
import type { AccountTokenDto } from './dtos';
import { SOCIAL_ERRORS } from './error-codes';
import type { ResolvedSocialSignInOptions } from './options';
import type { SocialProvider } from './provider';

/** An access token closer than this to its expiry is refreshed before it is handed out. */
const EXPIRY_MARGIN_MS = 5_000;

/**
 * Reading and refreshing one account's provider tokens for its owner. Refreshes of one account run one at a
 * time in this process: providers that rotate refresh tokens invalidate the old one on use, so two parallel
 * refreshes would leave one caller with an error and maybe the account with a dead token.
 */
export class AccountRefresh {
  private readonly inFlight = new Map<string, Promise<ClearTokens>>();

  constructor(
    private readonly auth: AuthContext,
    private readonly options: ResolvedSocialSignInOptions,
    private readonly tokens: AccountTokens,
  ) {}

  /** The caller's account the body names (by its id, or provider and provider account id), or 404 `ACCOUNT_NOT_FOUND`. */
  async ownAccount(userId: string, dto: AccountTokenDto): Promise<{ account: object; provider: SocialProvider }> {
    if (dto.accountId === undefined && dto.providerId === undefined) {
      throw new AuthError('VALIDATION_ERROR', 'Give accountId, providerId, or both', [{ field: 'accountId', messages: ['accountId or providerId is required'] }]);
    }
    const model = this.auth.models.account;
    const account = (await this.auth.db.listAccountsForUser(userId)).find(
      (candidate) =>
        (dto.providerId === undefined || model.read(candidate, 'providerId') === dto.providerId) &&
        (dto.accountId === undefined || model.read(candidate, 'id') === dto.accountId || model.read(candidate, 'accountId') === dto.accountId),
    );
    if (!account) throw new AuthError('ACCOUNT_NOT_FOUND');
    const provider = this.options.providers.get(model.read(account, 'providerId'));
    if (!provider) throw new AuthError(SOCIAL_ERRORS.PROVIDER_NOT_SUPPORTED);
    return { account, provider };
  }

  /** The account's tokens, refreshed first when the access token has expired and a refresh is possible. */
  async valid(account: object, provider: SocialProvider, now = Date.now()): Promise<ClearTokens> {
    const current = this.tokens.read(account);
    const expired = current.accessTokenExpiresAt !== null && current.accessTokenExpiresAt.getTime() - now < EXPIRY_MARGIN_MS;
    if (!expired || !current.refreshToken || !provider.refresh) return current;
    return this.refresh(account, provider);
  }

  /** Trades the stored refresh token for new tokens and stores them (encrypted); throws the provider's failure. */
  refresh(account: object, provider: SocialProvider): Promise<ClearTokens> {
    const id = this.auth.models.account.read(account, 'id');
    const running = this.inFlight.get(id);
    if (running) return running;
    const started = this.runRefresh(id, account, provider).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, started);
    return started;
  }

  private async runRefresh(id: string, account: object, provider: SocialProvider): Promise<ClearTokens> {
    const { refreshToken } = this.tokens.read(account);
    if (!provider.refresh) throw new AuthError(SOCIAL_ERRORS.TOKEN_REFRESH_NOT_SUPPORTED);
    if (!refreshToken) throw new AuthError(SOCIAL_ERRORS.REFRESH_TOKEN_NOT_FOUND);
    const fresh = await provider.refresh(refreshToken);
    const updated = await this.auth.db.updateAccount(id, this.tokens.fields(fresh, true));
    return this.tokens.read(updated ?? account);
  }
}
