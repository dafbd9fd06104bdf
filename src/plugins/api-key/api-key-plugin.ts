import type { AuthContext } from '../../core/auth-context';
import type { RouteDefinition } from '../../http/route';
import type { PluginSchema } from '../../schema/auth-schema';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { API_KEY_ERRORS } from './error-codes';
import { ApiKeyDigest } from './key-material';
import { apiKeyCredential } from './key-session';
import { resolveApiKeyOptions, type ApiKeyOptions, type ResolvedApiKeyOptions } from './options';
import { createApiKeyRoute, deleteApiKeyRoute, getApiKeyRoute, listApiKeysRoute, updateApiKeyRoute, type ApiKeyRouteParts } from './routes';
import { apiKeyModel, apiKeyTable } from './schema';
import { apiKeyServerApi } from './server-api';

/**
 * API keys (better-auth's `api-key` plugin, for its `apiKeyClient`): a signed-in user creates keys (shown
 * once, stored as keyed digests), lists, reads, changes and deletes them; the server checks a key with
 * `auth.api.apiKey.verify`, and with `enableSessionForAPIKeys` a request carrying a key in `x-api-key` runs as
 * the key's owner on every route. Quotas (`remaining`, refilled), per-key rate limits and permissions are set
 * by the server only. A key-authenticated request cannot create, change or delete keys.
 * @example
 * new BetterAuth(config).database(db).plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true }))
 */
export class ApiKeyPlugin implements AuthPlugin {
  readonly id = 'api-key';
  readonly errorCodes = API_KEY_ERRORS;
  readonly options: ResolvedApiKeyOptions;
  readonly schema: PluginSchema = { tables: { [apiKeyModel.model]: apiKeyTable() } };
  private digests: ApiKeyDigest | undefined;

  constructor(options: ApiKeyOptions = {}) {
    this.options = resolveApiKeyOptions(options);
  }

  init(auth: AuthContext): void {
    this.digests = new ApiKeyDigest(auth.config.secret);
    if (this.options.enableSessionForAPIKeys) auth.headerCredentials.add(apiKeyCredential(auth, this.options, this.digests));
  }

  private get parts(): ApiKeyRouteParts {
    return { options: this.options, digests: builtPart('ApiKeyPlugin', this.digests) };
  }

  routes(): RouteDefinition[] {
    const parts = this.parts;
    return [createApiKeyRoute(parts), getApiKeyRoute(), listApiKeysRoute(), updateApiKeyRoute(parts), deleteApiKeyRoute()];
  }

  api(auth: AuthContext) {
    return { apiKey: apiKeyServerApi(auth, this.parts) };
  }
}
