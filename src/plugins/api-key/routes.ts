import type { RouteContext } from '../../http/route';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { AuthError } from '../../errors/auth-error';
import { apiKeyJson, apiKeyRecords, ownKey } from './api-key-rows';
import {
  ApiKeyDeletedResponse,
  ApiKeyListResponse,
  ApiKeyResponse,
  CreateApiKeyDto,
  CreatedApiKeyResponse,
  DeleteApiKeyDto,
  GetApiKeyQuery,
  ListApiKeysQuery,
  UpdateApiKeyDto,
} from './dtos';
import { API_KEY_ERRORS } from './error-codes';
import { isKeySession } from './key-session';
import { applyKeyChanges, assertNoServerOnlyFields, createApiKey, keyChanges } from './key-writes';
import type { ApiKeyDigest } from './key-material';
import type { ResolvedApiKeyOptions } from './options';
import type { ApiKeyRow } from './schema';

/** What the routes share: the plugin's options and the digest keys are stored under. */
export interface ApiKeyRouteParts {
  readonly options: ResolvedApiKeyOptions;
  readonly digests: ApiKeyDigest;
}

/**
 * The signed-in user who may manage keys: 401 `UNAUTHORIZED_SESSION` without a session; 403
 * `API_KEY_CANNOT_MANAGE_API_KEYS` when the request was authenticated by a key (a leaked key must not mint
 * successors, nor re-enable, extend or delete keys).
 */
async function keyManager(ctx: RouteContext): Promise<string> {
  const active = await ctx.session();
  if (!active) throw new AuthError(API_KEY_ERRORS.UNAUTHORIZED_SESSION);
  if (isKeySession(active.session)) throw new AuthError(API_KEY_ERRORS.API_KEY_CANNOT_MANAGE_API_KEYS);
  return ctx.auth.models.user.read(active.user, 'id');
}

const MANAGEMENT_ERRORS = [API_KEY_ERRORS.UNAUTHORIZED_SESSION, API_KEY_ERRORS.API_KEY_CANNOT_MANAGE_API_KEYS];

/** `POST /api-key/create` → the new key with its row: the key itself appears in this answer only. */
export function createApiKeyRoute(parts: ApiKeyRouteParts): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/api-key/create',
    summary: 'Create an API key for the signed-in user',
    body: CreateApiKeyDto,
    session: 'optional',
    response: { body: CreatedApiKeyResponse },
    errors: [
      ...MANAGEMENT_ERRORS,
      API_KEY_ERRORS.SERVER_ONLY_PROPERTY,
      API_KEY_ERRORS.METADATA_DISABLED,
      API_KEY_ERRORS.INVALID_METADATA_TYPE,
      API_KEY_ERRORS.INVALID_NAME_LENGTH,
      API_KEY_ERRORS.INVALID_PREFIX_LENGTH,
      API_KEY_ERRORS.NAME_REQUIRED,
      API_KEY_ERRORS.EXPIRES_IN_IS_TOO_SMALL,
      API_KEY_ERRORS.EXPIRES_IN_IS_TOO_LARGE,
      API_KEY_ERRORS.KEY_DISABLED_EXPIRATION,
    ],
    handle: async (ctx, dto: CreateApiKeyDto) => {
      // better-auth's order: server-only fields first, then a userId (naming another owner), then the session.
      assertNoServerOnlyFields(dto, true);
      if (dto.userId !== undefined) throw new AuthError(API_KEY_ERRORS.UNAUTHORIZED_SESSION);
      const userId = await keyManager(ctx);
      return createApiKey(ctx.auth, parts.options, parts.digests, userId, dto);
    },
  });
}

/** `GET /api-key/get?id=` → the caller's key (404 `KEY_NOT_FOUND` for an unknown id and for another user's). */
export function getApiKeyRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/api-key/get',
    summary: "One of the signed-in user's API keys",
    query: GetApiKeyQuery,
    session: 'required',
    response: { body: ApiKeyResponse },
    errors: [API_KEY_ERRORS.KEY_NOT_FOUND],
    handle: async (ctx, _body, query: GetApiKeyQuery) => {
      const { user } = await ctx.requireSession();
      const row = await ownKey(ctx.auth, ctx.auth.models.user.read(user, 'id'), query.id);
      if (!row) throw new AuthError(API_KEY_ERRORS.KEY_NOT_FOUND);
      return apiKeyJson(row);
    },
  });
}

function compareBy(field: keyof ApiKeyRow, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: ApiKeyRow, b: ApiKeyRow): number => {
    const x = a[field] instanceof Date ? (a[field] as Date).getTime() : a[field];
    const y = b[field] instanceof Date ? (b[field] as Date).getTime() : b[field];
    if (x == null || y == null) return x == null && y == null ? 0 : (x == null ? -1 : 1) * sign;
    return x < y ? -sign : x > y ? sign : 0;
  };
}

/** `GET /api-key/list` → `{ apiKeys, total, limit, offset }`, the caller's keys (never a key itself). */
export function listApiKeysRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/api-key/list',
    summary: "The signed-in user's API keys",
    query: ListApiKeysQuery,
    session: 'required',
    response: { body: ApiKeyListResponse },
    handle: async (ctx, _body, query: ListApiKeysQuery) => {
      const { user } = await ctx.requireSession();
      const referenceId = ctx.auth.models.user.read(user, 'id');
      // A user holds a handful of keys: all are read, then sorted and cut here (as better-auth does).
      const rows = (await apiKeyRecords(ctx.auth).findMany({ referenceId })).sort(compareBy(query.sortBy ?? 'createdAt', query.sortDirection ?? 'asc'));
      const from = query.offset ?? 0;
      const page = rows.slice(from, query.limit === undefined ? undefined : from + query.limit);
      return { apiKeys: page.map(apiKeyJson), total: rows.length, limit: query.limit, offset: query.offset };
    },
  });
}

/**
 * `POST /api-key/update` → the key as changed. Name, `enabled`, `expiresIn` and (when enabled) metadata from
 * clients; the rest from the server only (400 `SERVER_ONLY_PROPERTY`). Another user's key is a 404.
 */
export function updateApiKeyRoute(parts: ApiKeyRouteParts): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/api-key/update',
    summary: "Change one of the signed-in user's API keys",
    body: UpdateApiKeyDto,
    session: 'optional',
    response: { body: ApiKeyResponse },
    errors: [
      ...MANAGEMENT_ERRORS,
      API_KEY_ERRORS.SERVER_ONLY_PROPERTY,
      API_KEY_ERRORS.KEY_NOT_FOUND,
      API_KEY_ERRORS.NO_VALUES_TO_UPDATE,
      API_KEY_ERRORS.INVALID_NAME_LENGTH,
      API_KEY_ERRORS.INVALID_METADATA_TYPE,
      API_KEY_ERRORS.EXPIRES_IN_IS_TOO_SMALL,
      API_KEY_ERRORS.EXPIRES_IN_IS_TOO_LARGE,
    ],
    handle: async (ctx, dto: UpdateApiKeyDto) => {
      const userId = await keyManager(ctx);
      if (dto.userId !== undefined && dto.userId !== userId) throw new AuthError(API_KEY_ERRORS.UNAUTHORIZED_SESSION);
      assertNoServerOnlyFields(dto, false);
      const row = await ownKey(ctx.auth, userId, dto.keyId);
      if (!row) throw new AuthError(API_KEY_ERRORS.KEY_NOT_FOUND);
      const updated = await applyKeyChanges(ctx.auth, row, keyChanges(parts.options, dto));
      if (!updated) throw new AuthError(API_KEY_ERRORS.KEY_NOT_FOUND);
      return updated;
    },
  });
}

/** `POST /api-key/delete` `{ keyId }` → `{ success: true }`; another user's key is a 404 and stays. */
export function deleteApiKeyRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/api-key/delete',
    summary: "Delete one of the signed-in user's API keys",
    body: DeleteApiKeyDto,
    session: 'required',
    response: { body: ApiKeyDeletedResponse },
    errors: [...MANAGEMENT_ERRORS, API_KEY_ERRORS.KEY_NOT_FOUND],
    handle: async (ctx, dto: DeleteApiKeyDto) => {
      const userId = await keyManager(ctx);
      // One conditional delete: the owner is part of the match, so another user's id deletes nothing.
      const deleted = await apiKeyRecords(ctx.auth).deleteMany({ id: dto.keyId, referenceId: userId });
      if (deleted === 0) throw new AuthError(API_KEY_ERRORS.KEY_NOT_FOUND);
      return { success: true };
    },
  });
}
