import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { PluginRecords } from '../../../adapters/plugin-records';
import type { AuthContext } from '../../core/auth-context';
import type { NewRecordOf } from '../../schema/record-model';
import { apiKeyModel, type ApiKeyRow } from './schema';

export type ApiKeyRecords = PluginRecords<ApiKeyRow, NewRecordOf<typeof apiKeyModel.fields>>;

/** The key table, on the configured adapter or on `db` (a transaction under way). */
export function apiKeyRecords(auth: AuthContext, db?: DatabaseAdapter): ApiKeyRecords {
  return auth.records(apiKeyModel, db);
}

/** Parsed JSON of a text column, `null` for none or for text that is not JSON. */
export function parsedJson(text: string | null): unknown {
  if (text == null || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The key's permissions as stored, `null` for none. */
export function permissionsOf(row: ApiKeyRow): Record<string, string[]> | null {
  const value = parsedJson(row.permissions);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string[]>) : null;
}

/**
 * A key as every route answers it: better-auth's row without `key` (the digest stays on the server), with
 * `metadata` and `permissions` parsed, and `userId` beside `referenceId` (both name the owner; older clients
 * read the first). `requestWindow` is this server's bookkeeping and is left out.
 */
export function apiKeyJson(row: ApiKeyRow): Record<string, unknown> {
  return {
    id: row.id,
    configId: row.configId,
    name: row.name,
    start: row.start,
    prefix: row.prefix,
    referenceId: row.referenceId,
    userId: row.referenceId,
    refillInterval: row.refillInterval,
    refillAmount: row.refillAmount,
    lastRefillAt: row.lastRefillAt,
    enabled: row.enabled,
    rateLimitEnabled: row.rateLimitEnabled,
    rateLimitTimeWindow: row.rateLimitTimeWindow,
    rateLimitMax: row.rateLimitMax,
    requestCount: row.requestCount,
    remaining: row.remaining,
    lastRequest: row.lastRequest,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    metadata: parsedJson(row.metadata),
    permissions: permissionsOf(row),
  };
}

/** The caller's own key by id, or `null` (another user's key is `null` too: its existence is not told). */
export async function ownKey(auth: AuthContext, userId: string, keyId: string): Promise<ApiKeyRow | null> {
  const row = await apiKeyRecords(auth).findOne({ id: keyId });
  return row && row.referenceId === userId ? row : null;
}
