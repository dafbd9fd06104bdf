import type { AuthContext } from '../../core/auth-context';
import { Role, type PermissionRequest } from '../../core/access-control';
import { AuthError } from '../../errors/auth-error';
import { apiKeyRecords, permissionsOf } from './api-key-rows';
import { API_KEY_ERRORS, MISSING_PERMISSIONS } from './error-codes';
import type { ApiKeyDigest } from './key-material';
import type { ResolvedApiKeyOptions } from './options';
import type { ApiKeyRow } from './schema';
import { spendUse, takeRateLimit, touchLastRequest } from './usage';

/**
 * Checks a presented key and spends one use of it, in better-auth's order of refusals: unknown (401
 * `INVALID_API_KEY`), disabled (401 `KEY_DISABLED`), expired (401 `KEY_EXPIRED`), lacking the permissions asked
 * for (401 `KEY_NOT_FOUND`), used up (429 `USAGE_EXCEEDED`), over its rate limit (429 `RATE_LIMITED`).
 * Unlike better-auth, an expired or used-up key is refused but kept (the owner still sees it listed, and the
 * server can renew it); and the rate limit is taken before a use is spent, so a refused request costs no use.
 * Returns the key as it stands after this use.
 */
export async function verifyApiKey(
  auth: AuthContext,
  options: ResolvedApiKeyOptions,
  digests: ApiKeyDigest,
  key: string,
  permissions?: PermissionRequest,
): Promise<ApiKeyRow> {
  const records = apiKeyRecords(auth);
  const row = await records.findOne({ key: digests.of(key) });
  if (!row) throw new AuthError(API_KEY_ERRORS.INVALID_API_KEY);
  if (!row.enabled) throw new AuthError(API_KEY_ERRORS.KEY_DISABLED);
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) throw new AuthError(API_KEY_ERRORS.KEY_EXPIRED);
  if (permissions) {
    const granted = permissionsOf(row);
    if (!granted || !new Role(granted).authorize(permissions).success) throw new AuthError(MISSING_PERMISSIONS);
  }
  if (row.remaining !== null && row.remaining <= 0 && !(row.refillAmount && row.refillInterval)) throw new AuthError(API_KEY_ERRORS.USAGE_EXCEEDED);
  const limited = await takeRateLimit(records, row, options.rateLimit.enabled, now);
  const spent = await spendUse(records, row, now);
  const touched = 'lastRequest' in limited || 'lastRequest' in spent ? {} : await touchLastRequest(records, row, now);
  return { ...row, ...limited, ...spent, ...touched };
}
