/**
 * Per-key rate limit given to new keys (each key can be changed by the server afterwards).
 * @example
 * new ApiKeyPlugin({ rateLimit: { timeWindow: 60_000, maxRequests: 600 } }); // 600 a minute per key
 */
export interface ApiKeyRateLimitOptions {
  /** Whether per-key limits apply at all (default true: a key whose window and maximum are set is limited). */
  enabled?: boolean;
  /** The window in milliseconds new keys get (default: none, so new keys have no per-key limit). */
  timeWindow?: number;
  /** Requests per window new keys get (default: none). */
  maxRequests?: number;
}

/**
 * Options of `ApiKeyPlugin`; names as in better-auth's `apiKey()`.
 * @example
 * new ApiKeyPlugin({ enableSessionForAPIKeys: true, defaultPrefix: 'acme_', enableMetadata: true });
 */
export interface ApiKeyOptions {
  /** The header (or headers, first present wins) a key is read from (default `x-api-key`). */
  apiKeyHeaders?: string | string[];
  /** A request carrying a key runs as the key's owner on every route (default false, as better-auth). */
  enableSessionForAPIKeys?: boolean;
  /** Random characters after the prefix (default 64). */
  defaultKeyLength?: number;
  /** Prefix of keys created without one (default none). */
  defaultPrefix?: string;
  minimumPrefixLength?: number;
  maximumPrefixLength?: number;
  minimumNameLength?: number;
  maximumNameLength?: number;
  /** Refuse keys without a name (default false). */
  requireName?: boolean;
  /** Accept `metadata` on create and update (default false, as better-auth: 400 `METADATA_DISABLED`). */
  enableMetadata?: boolean;
  /**
   * The per-key limit new keys get. Default: no per-key limit (better-auth defaults to 10 requests a day,
   * which surprises scripts); the instance's own rate limit per client still applies.
   */
  rateLimit?: ApiKeyRateLimitOptions;
  keyExpiration?: {
    /** Lifetime in seconds of keys created without `expiresIn` (default: they never expire). */
    defaultExpiresIn?: number | null;
    /** Refuse `expiresIn` from callers (default false). */
    disableCustomExpiresTime?: boolean;
    /** Bounds of `expiresIn`, in days (default 1 and 365). */
    minExpiresIn?: number;
    maxExpiresIn?: number;
  };
  /** Keep the first characters of each key for display (default: yes, 6). */
  startingCharactersConfig?: { shouldStore?: boolean; charactersLength?: number };
  /** Permissions a new key gets when the server gives none. */
  permissions?: { defaultPermissions?: Record<string, string[]> };
}

export interface ResolvedApiKeyOptions {
  readonly headers: readonly string[];
  readonly enableSessionForAPIKeys: boolean;
  readonly defaultKeyLength: number;
  readonly defaultPrefix: string | null;
  readonly prefixLength: { readonly min: number; readonly max: number };
  readonly nameLength: { readonly min: number; readonly max: number };
  readonly requireName: boolean;
  readonly enableMetadata: boolean;
  readonly rateLimit: { readonly enabled: boolean; readonly timeWindow: number | null; readonly maxRequests: number | null };
  readonly keyExpiration: { readonly defaultExpiresIn: number | null; readonly disableCustomExpiresTime: boolean; readonly minDays: number; readonly maxDays: number };
  readonly start: { readonly store: boolean; readonly length: number };
  readonly defaultPermissions: Readonly<Record<string, string[]>> | null;
}

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`ApiKeyPlugin: ${name} must be a positive number (got ${value}).`);
  return value;
};

export function resolveApiKeyOptions(options: ApiKeyOptions): ResolvedApiKeyOptions {
  const headers = ([] as string[]).concat(options.apiKeyHeaders ?? 'x-api-key').map((name) => name.trim().toLowerCase());
  if (headers.length === 0 || headers.some((name) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name))) {
    throw new Error(`ApiKeyPlugin: apiKeyHeaders must be header names (got ${JSON.stringify(options.apiKeyHeaders)}).`);
  }
  const window = options.rateLimit?.timeWindow ?? null;
  const max = options.rateLimit?.maxRequests ?? null;
  if ((window === null) !== (max === null)) throw new Error('ApiKeyPlugin: rateLimit needs both timeWindow and maxRequests, or neither.');
  const resolved: ResolvedApiKeyOptions = {
    headers,
    enableSessionForAPIKeys: options.enableSessionForAPIKeys ?? false,
    defaultKeyLength: positive('defaultKeyLength', options.defaultKeyLength ?? 64),
    defaultPrefix: options.defaultPrefix ?? null,
    prefixLength: { min: options.minimumPrefixLength ?? 1, max: options.maximumPrefixLength ?? 32 },
    nameLength: { min: options.minimumNameLength ?? 1, max: options.maximumNameLength ?? 32 },
    requireName: options.requireName ?? false,
    enableMetadata: options.enableMetadata ?? false,
    rateLimit: {
      enabled: options.rateLimit?.enabled ?? true,
      timeWindow: window === null ? null : positive('rateLimit.timeWindow', window),
      maxRequests: max === null ? null : Math.max(0, Math.floor(max)),
    },
    keyExpiration: {
      defaultExpiresIn: options.keyExpiration?.defaultExpiresIn ?? null,
      disableCustomExpiresTime: options.keyExpiration?.disableCustomExpiresTime ?? false,
      minDays: options.keyExpiration?.minExpiresIn ?? 1,
      maxDays: options.keyExpiration?.maxExpiresIn ?? 365,
    },
    start: { store: options.startingCharactersConfig?.shouldStore ?? true, length: options.startingCharactersConfig?.charactersLength ?? 6 },
    defaultPermissions: options.permissions?.defaultPermissions ?? null,
  };
  return Object.freeze(resolved);
}
