import type { AuthContext } from '../../core/auth-context';
import type { PermissionRequest } from '../../core/access-control';
import { AuthError } from '../../errors/auth-error';
import { apiKeyJson, apiKeyRecords, ownKey } from './api-key-rows';
import type { CreateApiKeyDto, UpdateApiKeyDto } from './dtos';
import { API_KEY_ERRORS } from './error-codes';
import { applyKeyChanges, createApiKey, keyChanges } from './key-writes';
import type { ApiKeyRouteParts } from './routes';
import { verifyApiKey } from './verify-key';

/**
 * What `auth.api.apiKey.verify` answers, as better-auth's server-only `verifyApiKey`.
 * @example
 * const result: ApiKeyVerification = await auth.api.apiKey.verify({ key });
 * if (!result.valid) return res.status(401).json(result.error);
 */
export type ApiKeyVerification =
  | { valid: true; error: null; key: Record<string, unknown> }
  | { valid: false; error: { code: string; message: string }; key: null };

/**
 * The plugin's server API (`auth.api.apiKey`): what only the server may do (set a quota, a refill, a rate
 * limit, permissions) and the check of a key with permissions. These trust their caller: no session.
 */
export function apiKeyServerApi(auth: AuthContext, parts: ApiKeyRouteParts) {
  return {
    /**
     * Checks a key (and its permissions, when asked) and spends one use of it; never throws for a refused key.
     * @example
     * const { valid, error } = await auth.api.apiKey.verify({ key, permissions: { files: ['read'] } });
     */
    verify: async (input: { key: string; permissions?: PermissionRequest }): Promise<ApiKeyVerification> => {
      try {
        const row = await verifyApiKey(auth, parts.options, parts.digests, input.key, input.permissions);
        return { valid: true, error: null, key: apiKeyJson(row) };
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        return { valid: false, error: { code: error.code, message: error.message }, key: null };
      }
    },
    /**
     * Creates a key for a user, server-only fields included; answers it with the key (shown this once).
     * @example
     * const { key } = await auth.api.apiKey.create({ userId, name: 'ci', remaining: 1000, refillAmount: 1000, refillInterval: 86_400_000 });
     */
    create: async (input: Omit<CreateApiKeyDto, 'userId'> & { userId: string }): Promise<Record<string, unknown>> => {
      // Checked here rather than left to a foreign key, which the memory adapter does not have.
      if (!(await auth.db.getUserById(input.userId))) throw new AuthError('VALIDATION_ERROR', 'No user has this userId');
      return createApiKey(auth, parts.options, parts.digests, input.userId, input);
    },
    /**
     * Changes a user's key, server-only fields included; throws 404 `KEY_NOT_FOUND` when it is not theirs.
     * @example
     * await auth.api.apiKey.update({ userId, keyId, remaining: 500, permissions: { files: ['read'] } });
     */
    update: async (input: UpdateApiKeyDto & { userId: string }): Promise<Record<string, unknown>> => {
      const row = await ownKey(auth, input.userId, input.keyId);
      const updated = row && (await applyKeyChanges(auth, row, keyChanges(parts.options, input)));
      if (!updated) throw new AuthError(API_KEY_ERRORS.KEY_NOT_FOUND);
      return updated;
    },
    /**
     * A user's keys, oldest first (never the keys themselves).
     * @example
     * const keys = await auth.api.apiKey.list({ userId });
     */
    list: async (input: { userId: string }): Promise<Array<Record<string, unknown>>> =>
      (await apiKeyRecords(auth).findMany({ referenceId: input.userId }, { orderBy: ['createdAt', 'asc'] })).map(apiKeyJson),
    /**
     * Deletes a user's key; `false` when they have no key with that id.
     * @example
     * await auth.api.apiKey.delete({ userId, keyId });
     */
    delete: async (input: { userId: string; keyId: string }): Promise<boolean> =>
      (await apiKeyRecords(auth).deleteMany({ id: input.keyId, referenceId: input.userId })) === 1,
  };
}
