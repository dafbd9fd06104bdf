import type { AdoptionChange, AdoptionSource } from '../../core/adoption';
import { openBetterAuthSealed } from '../../crypto/better-auth-sealed';
import { SECRET_BOX_PURPOSE } from './account-tokens';
import { SecretBox } from '../../crypto/secret-box';

const TOKEN_FIELDS = ['accessToken', 'refreshToken', 'idToken'] as const;

/**
 * Social sign-in's part of adopting a better-auth database: provider tokens, plain (better-auth's default) or
 * sealed (`account.encryptOAuthTokens`), are sealed in our format, so `get-access-token` and refreshing keep
 * working and no provider token stays readable at rest. Tokens already in our format are skipped.
 * Credential accounts (passwords) hold no provider tokens and are not touched.
 * @example
 * readonly adopt = adoptProviderTokens;
 */
export async function adoptProviderTokens({ rows, secret }: AdoptionSource): Promise<AdoptionChange[]> {
  const box = new SecretBox(secret, SECRET_BOX_PURPOSE);
  let count = 0;
  for await (const row of rows.scan('account', ['providerId', ...TOKEN_FIELDS])) {
    if (row.providerId === 'credential') continue;
    const changes: Record<string, string> = {};
    const expected: Record<string, string | null> = {};
    for (const field of TOKEN_FIELDS) {
      const stored = row[field];
      if (!stored || box.open(stored) !== null) continue;
      // What does not open with the secret is a plain token (better-auth's default storage).
      changes[field] = box.seal(openBetterAuthSealed(secret, stored) ?? stored);
      expected[field] = stored;
    }
    if (Object.keys(changes).length > 0 && (await rows.update('account', row.id, changes, expected))) count += 1;
  }
  return [{ what: 'social accounts whose provider tokens were resealed in our format', count }];
}
