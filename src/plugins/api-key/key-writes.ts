import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { apiKeyJson, apiKeyRecords } from './api-key-rows';
import type { CreateApiKeyDto, UpdateApiKeyDto } from './dtos';
import { API_KEY_ERRORS } from './error-codes';
import { newApiKey, type ApiKeyDigest } from './key-material';
import type { ResolvedApiKeyOptions } from './options';
import type { ApiKeyRow } from './schema';

/** What only the server may set: better-auth's list, refused from HTTP callers with 400 `SERVER_ONLY_PROPERTY`. */
/** The fields both bodies may carry that only the server may set. */
type ServerOnlyFields = Pick<CreateApiKeyDto, 'refillAmount' | 'refillInterval' | 'rateLimitMax' | 'rateLimitTimeWindow' | 'rateLimitEnabled'> & {
  remaining?: number | null;
  permissions?: Record<string, string[]> | null;
};

export function assertNoServerOnlyFields(input: ServerOnlyFields, remainingMaySayNull: boolean): void {
  const serverOnly =
    input.refillAmount !== undefined ||
    input.refillInterval !== undefined ||
    input.rateLimitMax !== undefined ||
    input.rateLimitTimeWindow !== undefined ||
    input.rateLimitEnabled !== undefined ||
    input.permissions !== undefined ||
    (remainingMaySayNull ? input.remaining != null : input.remaining !== undefined);
  if (serverOnly) throw new AuthError(API_KEY_ERRORS.SERVER_ONLY_PROPERTY);
}

const DAY_SECONDS = 86_400;

/** `expiresIn` (seconds) within the configured days, or the matching 400. */
function checkedExpiresIn(options: ResolvedApiKeyOptions, expiresIn: number): number {
  if (options.keyExpiration.disableCustomExpiresTime) throw new AuthError(API_KEY_ERRORS.KEY_DISABLED_EXPIRATION);
  const days = expiresIn / DAY_SECONDS;
  if (days < options.keyExpiration.minDays) throw new AuthError(API_KEY_ERRORS.EXPIRES_IN_IS_TOO_SMALL);
  if (days > options.keyExpiration.maxDays) throw new AuthError(API_KEY_ERRORS.EXPIRES_IN_IS_TOO_LARGE);
  return expiresIn;
}

function checkedName(options: ResolvedApiKeyOptions, name: string): string {
  if (name.length < options.nameLength.min || name.length > options.nameLength.max) throw new AuthError(API_KEY_ERRORS.INVALID_NAME_LENGTH);
  return name;
}

/** Metadata as stored (JSON text), refused when disabled or not an object. */
function metadataText(options: ResolvedApiKeyOptions, metadata: unknown): string | null {
  if (metadata === undefined || metadata === null) return null;
  if (!options.enableMetadata) throw new AuthError(API_KEY_ERRORS.METADATA_DISABLED);
  if (typeof metadata !== 'object' || Array.isArray(metadata)) throw new AuthError(API_KEY_ERRORS.INVALID_METADATA_TYPE);
  return JSON.stringify(metadata);
}

/** Permissions must map resources to lists of action names: anything else is a 400 before anything is written. */
function permissionsText(permissions: Record<string, string[]> | null | undefined): string | null {
  if (permissions == null) return null;
  const valid = Object.values(permissions).every((actions) => Array.isArray(actions) && actions.every((action) => typeof action === 'string'));
  if (!valid) throw new AuthError('VALIDATION_ERROR', 'permissions must map each resource to a list of action names');
  return JSON.stringify(permissions);
}

function checkedRefill(refillAmount: number | undefined, refillInterval: number | undefined): void {
  if (refillAmount !== undefined && refillInterval === undefined) throw new AuthError(API_KEY_ERRORS.REFILL_AMOUNT_AND_INTERVAL_REQUIRED);
  if (refillInterval !== undefined && refillAmount === undefined) throw new AuthError(API_KEY_ERRORS.REFILL_INTERVAL_AND_AMOUNT_REQUIRED);
}

/**
 * Creates a key for `userId` and answers it with the key itself, the only time it is ever shown; only its
 * keyed digest and its first characters (`start`) are stored. Checks come first: nothing is written when
 * one fails. Server-only fields must have been refused before for HTTP callers.
 */
export async function createApiKey(
  auth: AuthContext,
  options: ResolvedApiKeyOptions,
  digests: ApiKeyDigest,
  userId: string,
  input: CreateApiKeyDto,
): Promise<Record<string, unknown>> {
  const metadata = metadataText(options, input.metadata);
  checkedRefill(input.refillAmount, input.refillInterval);
  const expiresIn = input.expiresIn ? checkedExpiresIn(options, input.expiresIn) : options.keyExpiration.defaultExpiresIn;
  if (input.prefix && (input.prefix.length < options.prefixLength.min || input.prefix.length > options.prefixLength.max)) {
    throw new AuthError(API_KEY_ERRORS.INVALID_PREFIX_LENGTH);
  }
  if (input.name) checkedName(options, input.name);
  else if (options.requireName) throw new AuthError(API_KEY_ERRORS.NAME_REQUIRED);
  const permissions = input.permissions !== undefined ? permissionsText(input.permissions) : options.defaultPermissions ? JSON.stringify(options.defaultPermissions) : null;

  const prefix = input.prefix || options.defaultPrefix;
  const key = newApiKey(prefix, options.defaultKeyLength);
  const now = new Date();
  const row = await apiKeyRecords(auth).create({
    configId: 'default',
    name: input.name || null,
    start: options.start.store ? key.slice(0, options.start.length) : null,
    prefix: prefix || null,
    key: digests.of(key),
    referenceId: userId,
    refillInterval: input.refillInterval ?? null,
    refillAmount: input.refillAmount ?? null,
    lastRefillAt: null,
    enabled: true,
    rateLimitEnabled: input.rateLimitEnabled ?? options.rateLimit.enabled,
    rateLimitTimeWindow: input.rateLimitTimeWindow ?? options.rateLimit.timeWindow,
    rateLimitMax: input.rateLimitMax ?? options.rateLimit.maxRequests,
    requestCount: 0,
    requestWindow: null,
    // better-auth: a key with a refill and no count starts full.
    remaining: input.remaining ?? input.refillAmount ?? null,
    lastRequest: null,
    expiresAt: expiresIn ? new Date(now.getTime() + expiresIn * 1000) : null,
    createdAt: now,
    updatedAt: now,
    permissions,
    metadata,
  });
  return { ...apiKeyJson(row), key };
}

/**
 * The changes an update asks for, checked (nothing is written when one fails); 400 `NO_VALUES_TO_UPDATE`
 * when it asks for none. Metadata is ignored when disabled, as better-auth does on update.
 */
export function keyChanges(options: ResolvedApiKeyOptions, input: UpdateApiKeyDto): Partial<ApiKeyRow> {
  const changes: Partial<ApiKeyRow> = {};
  if (input.name != null) changes.name = checkedName(options, input.name);
  if (input.enabled != null) changes.enabled = input.enabled;
  if (input.expiresIn !== undefined) {
    if (options.keyExpiration.disableCustomExpiresTime) throw new AuthError(API_KEY_ERRORS.KEY_DISABLED_EXPIRATION);
    changes.expiresAt = input.expiresIn === null ? null : new Date(Date.now() + checkedExpiresIn(options, input.expiresIn) * 1000);
  }
  if (input.metadata !== undefined && options.enableMetadata) changes.metadata = metadataText(options, input.metadata);
  if (input.remaining != null) changes.remaining = input.remaining;
  if (input.refillAmount !== undefined || input.refillInterval !== undefined) {
    checkedRefill(input.refillAmount, input.refillInterval);
    changes.refillAmount = input.refillAmount!;
    changes.refillInterval = input.refillInterval!;
  }
  if (input.rateLimitEnabled != null) changes.rateLimitEnabled = input.rateLimitEnabled;
  if (input.rateLimitTimeWindow != null) changes.rateLimitTimeWindow = input.rateLimitTimeWindow;
  if (input.rateLimitMax != null) changes.rateLimitMax = input.rateLimitMax;
  if (input.permissions !== undefined) changes.permissions = permissionsText(input.permissions);
  if (Object.keys(changes).length === 0) throw new AuthError(API_KEY_ERRORS.NO_VALUES_TO_UPDATE);
  return changes;
}

/** Applies checked changes to the owner's key; `null` when the key is gone (or not the owner's). */
export async function applyKeyChanges(auth: AuthContext, row: ApiKeyRow, changes: Partial<ApiKeyRow>): Promise<Record<string, unknown> | null> {
  const values = { ...changes, updatedAt: new Date() };
  const changed = await apiKeyRecords(auth).update({ id: row.id, referenceId: row.referenceId }, values);
  return changed === 1 ? apiKeyJson({ ...row, ...values }) : null;
}
