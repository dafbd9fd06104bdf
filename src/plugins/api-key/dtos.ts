import { Type } from 'class-transformer';
import { Allow, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

const MAX_ID = 255;
const MAX_TEXT = 255;
const PERMISSIONS_SCHEMA = { type: ['object', 'null'] as Array<'object' | 'null'>, additionalProperties: { type: 'array' as const, items: { type: 'string' as const } } };
const METADATA_SCHEMA = { type: ['object', 'null'] as Array<'object' | 'null'>, additionalProperties: true };
const SORTABLE = ['createdAt', 'updatedAt', 'name', 'expiresAt', 'lastRequest', 'enabled', 'remaining', 'start', 'prefix'] as const;

/**
 * Body of `POST /api-key/create`, as `apiKeyClient`'s `apiKey.create` sends it. `remaining`, `refill*`,
 * `rateLimit*`, `permissions` and `userId` are the server's to set: over HTTP they are refused.
 * @example
 * const body: CreateApiKeyDto = { name: 'ci', prefix: 'ci_', expiresIn: 30 * 86_400 };
 */
export class CreateApiKeyDto {
  /** Accepted for the client's sake; this server has one configuration. */
  @IsOptional() @IsString() @MaxLength(MAX_ID) configId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) name?: string;
  /** Lifetime in seconds (`null`: the default). */
  @IsOptional() @IsNumber() @Min(1) expiresIn?: number | null;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) @Matches(/^[a-zA-Z0-9_-]+$/, { message: 'prefix may hold letters, digits, underscores and hyphens' }) prefix?: string;
  @IsOptional() @IsNumber() @Min(0) remaining?: number | null;
  @JSONSchema(METADATA_SCHEMA) @Allow() metadata?: unknown;
  @IsOptional() @IsNumber() @Min(1) refillAmount?: number;
  @IsOptional() @IsNumber() @Min(1) refillInterval?: number;
  @IsOptional() @IsNumber() @Min(1) rateLimitTimeWindow?: number;
  @IsOptional() @IsNumber() @Min(0) rateLimitMax?: number;
  @IsOptional() @IsBoolean() rateLimitEnabled?: boolean;
  @JSONSchema(PERMISSIONS_SCHEMA) @IsOptional() @IsObject() permissions?: Record<string, string[]>;
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
  /** Organization-owned keys are not supported; accepted and ignored, as better-auth does for user keys. */
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/**
 * Body of `POST /api-key/update`.
 * @example
 * const body: UpdateApiKeyDto = { keyId, enabled: false };
 */
export class UpdateApiKeyDto {
  @IsOptional() @IsString() @MaxLength(MAX_ID) configId?: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) keyId!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) name?: string;
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsNumber() @Min(1) remaining?: number;
  @IsOptional() @IsNumber() @Min(1) refillAmount?: number;
  @IsOptional() @IsNumber() @Min(1) refillInterval?: number;
  @JSONSchema(METADATA_SCHEMA) @Allow() metadata?: unknown;
  /** New lifetime in seconds from now; `null` removes the expiry. */
  @IsOptional() @IsNumber() @Min(1) expiresIn?: number | null;
  @IsOptional() @IsBoolean() rateLimitEnabled?: boolean;
  @IsOptional() @IsNumber() @Min(1) rateLimitTimeWindow?: number;
  @IsOptional() @IsNumber() @Min(0) rateLimitMax?: number;
  @JSONSchema(PERMISSIONS_SCHEMA) @IsOptional() @IsObject() permissions?: Record<string, string[]> | null;
}

/** Body of `POST /api-key/delete`. */
export class DeleteApiKeyDto {
  @IsOptional() @IsString() @MaxLength(MAX_ID) configId?: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) keyId!: string;
}

/** Query of `GET /api-key/get`. */
export class GetApiKeyQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) configId?: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) id!: string;
}

/** Query of `GET /api-key/list` (values arrive as strings). */
export class ListApiKeysQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) configId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
  @IsOptional() @IsIn(SORTABLE) sortBy?: (typeof SORTABLE)[number];
  @IsOptional() @IsIn(['asc', 'desc']) sortDirection?: 'asc' | 'desc';
}

/** One key as the routes answer it (never the key itself, except once in create's answer). */
export class ApiKeyResponse {
  @IsString() id!: string;
  @IsString() configId!: string;
  @IsOptional() @IsString() name?: string | null;
  @JSONSchema({ type: ['string', 'null'], description: 'The first characters of the key, for display' }) @IsOptional() @IsString() start?: string | null;
  @IsOptional() @IsString() prefix?: string | null;
  @JSONSchema({ description: 'The owner (a user id)' }) @IsString() referenceId!: string;
  @JSONSchema({ description: 'The owner, as earlier clients read it' }) @IsString() userId!: string;
  @IsOptional() @IsNumber() refillInterval?: number | null;
  @IsOptional() @IsNumber() refillAmount?: number | null;
  @IsOptional() @IsString() lastRefillAt?: string | null;
  @IsBoolean() enabled!: boolean;
  @IsBoolean() rateLimitEnabled!: boolean;
  @IsOptional() @IsNumber() rateLimitTimeWindow?: number | null;
  @IsOptional() @IsNumber() rateLimitMax?: number | null;
  @IsNumber() requestCount!: number;
  @IsOptional() @IsNumber() remaining?: number | null;
  @IsOptional() @IsString() lastRequest?: string | null;
  @IsOptional() @IsString() expiresAt?: string | null;
  @IsString() createdAt!: string;
  @IsString() updatedAt!: string;
  @JSONSchema(METADATA_SCHEMA) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @JSONSchema(PERMISSIONS_SCHEMA) @IsOptional() @IsObject() permissions?: Record<string, string[]> | null;
}

/** Answer of `POST /api-key/create`: the key, shown this once, and its row. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @JSONSchema({ description: 'The full key: shown only in this answer' }) @IsString() key!: string;
}

/** Answer of `GET /api-key/list`. */
export class ApiKeyListResponse {
  @JSONSchema({ type: 'array', items: { type: 'object', description: 'A key, as /api-key/get answers it' } }) @IsArray() apiKeys!: ApiKeyResponse[];
  @IsInt() total!: number;
  @IsOptional() @IsInt() limit?: number;
  @IsOptional() @IsInt() offset?: number;
}

/** Answer of `POST /api-key/delete`. */
export class ApiKeyDeletedResponse {
  @IsBoolean() success!: boolean;
}
