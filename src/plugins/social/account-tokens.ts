import type { AuthContext } from '../../core/auth-context';
import { SecretBox } from '../../crypto/secret-box';
import type { ProviderTokens } from './provider';

/** The account columns a grant fills, as stored. */
export interface StoredTokenFields {
  accessToken?: string | null;
  refreshToken?: string | null;
  idToken?: string | null;
  accessTokenExpiresAt?: Date | null;
  refreshTokenExpiresAt?: Date | null;
  scope?: string | null;
}

/** An account's tokens in the clear, for the owner's `get-access-token` and for refreshing. */
export interface ClearTokens {
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  scopes: string[];
}

/** The purpose the provider tokens' key is derived for (shared with the adoption of better-auth's tokens). */
export const SECRET_BOX_PURPOSE = 'social:provider-tokens';

/**
 * Provider tokens at rest: the access, refresh and ID tokens are encrypted (AES-256-GCM, key derived from the
 * auth secret for this purpose alone), so a leaked database or backup hands out no way into the user's
 * provider accounts. Expiries and scopes stay readable.
 */
export class AccountTokens {
  private readonly cipher: SecretBox;

  constructor(private readonly auth: AuthContext) {
    this.cipher = new SecretBox(auth.config.secret, SECRET_BOX_PURPOSE);
  }

  /** The columns to write for a new grant; a refresh that returned no new refresh or ID token keeps the old ones. */
  fields(tokens: ProviderTokens, keepMissing = false): StoredTokenFields {
    const fields: StoredTokenFields = {
      accessToken: this.seal(tokens.accessToken),
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      scope: tokens.scopes.join(','),
    };
    if (!keepMissing || tokens.refreshToken) {
      fields.refreshToken = this.seal(tokens.refreshToken);
      fields.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt;
    }
    if (!keepMissing || tokens.idToken) fields.idToken = this.seal(tokens.idToken);
    if (keepMissing) delete fields.scope; // a refresh answer may list narrower scopes; the grant's stay
    return fields;
  }

  read(account: object): ClearTokens {
    const model = this.auth.models.account;
    const scope = model.read(account, 'scope');
    return {
      accessToken: this.open(model.read(account, 'accessToken')),
      refreshToken: this.open(model.read(account, 'refreshToken')),
      idToken: this.open(model.read(account, 'idToken')),
      accessTokenExpiresAt: model.read(account, 'accessTokenExpiresAt') ?? null,
      refreshTokenExpiresAt: model.read(account, 'refreshTokenExpiresAt') ?? null,
      scopes: typeof scope === 'string' ? scope.split(',').filter(Boolean) : [],
    };
  }

  private seal(value: string | null): string | null {
    return value === null ? null : this.cipher.seal(value);
  }

  private open(value: string | null | undefined): string | null {
    return typeof value === 'string' && value !== '' ? this.cipher.open(value) : null;
  }
}
