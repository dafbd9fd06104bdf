import type { PluginTable } from '../../schema/auth-schema';
import { recordModel, type RecordOf } from '../../schema/record-model';

/**
 * better-auth's `apikey` table, with two differences: `key` holds a keyed digest (HMAC under the auth secret,
 * never the key), and `requestWindow` numbers the fixed rate-limit window `requestCount` counts in, so a
 * window's count is raised with one conditional statement (exact under concurrency). `referenceId` is the
 * owning user.
 * @example
 * const keys = await auth.context.records(apiKeyModel).findMany({ referenceId: userId });
 */
export const apiKeyModel = recordModel('apikey', {
  configId: { type: 'string', required: true, defaultValue: 'default' },
  name: { type: 'string' },
  start: { type: 'string' },
  prefix: { type: 'string' },
  key: { type: 'string', required: true, unique: true },
  referenceId: { type: 'string', required: true, index: true, references: { model: 'user', field: 'id', onDelete: 'cascade' } },
  refillInterval: { type: 'number' },
  refillAmount: { type: 'number' },
  lastRefillAt: { type: 'date' },
  enabled: { type: 'boolean', required: true, defaultValue: true },
  rateLimitEnabled: { type: 'boolean', required: true, defaultValue: true },
  rateLimitTimeWindow: { type: 'number' },
  rateLimitMax: { type: 'number' },
  requestCount: { type: 'number', required: true, defaultValue: 0 },
  requestWindow: { type: 'number' },
  remaining: { type: 'number' },
  lastRequest: { type: 'date' },
  expiresAt: { type: 'date' },
  createdAt: { type: 'date', required: true },
  updatedAt: { type: 'date', required: true },
  permissions: { type: 'string', long: true },
  metadata: { type: 'string', long: true },
});

/** One stored key, as the adapter hands it back. */
export type ApiKeyRow = RecordOf<typeof apiKeyModel.fields>;

/** The table under its SQL name (`api_key`). */
export function apiKeyTable(): PluginTable {
  return { modelName: 'api_key', fields: apiKeyModel.fields };
}
