import { Type } from 'class-transformer';
import { Allow, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

const MAX_ID = 256;
const MAX_EMAIL = 254;
const MAX_NAME = 256;
const MAX_TEXT = 1024;
const MAX_PASSWORD_BYTES_GUARD = 1024;
const MAX_PAGE = 1000;
const ROLE_SCHEMA = { oneOf: [{ type: 'string' as const }, { type: 'array' as const, items: { type: 'string' as const } }] };

/** Query of `GET /admin/list-users` (query values arrive as strings). */
export class ListUsersQuery {
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) searchValue?: string;
  @IsOptional() @IsIn(['email', 'name']) searchField?: 'email' | 'name';
  @IsOptional() @IsIn(['contains', 'starts_with', 'ends_with']) searchOperator?: 'contains' | 'starts_with' | 'ends_with';
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
  @IsOptional() @IsString() @MaxLength(MAX_ID) sortBy?: string;
  @IsOptional() @IsIn(['asc', 'desc']) sortDirection?: 'asc' | 'desc';
  @IsOptional() @IsString() @MaxLength(MAX_ID) filterField?: string;
  @JSONSchema({ type: ['string', 'number', 'boolean'] }) @IsOptional() @Allow() filterValue?: string | number | boolean;
  @IsOptional() @IsIn(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'starts_with', 'ends_with'])
  filterOperator?: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'starts_with' | 'ends_with';
}

/** Query of `GET /admin/get-user`. */
export class GetUserQuery {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) id!: string;
}

/** Body of `POST /admin/create-user`: `data` carries further user fields (custom ones included). */
export class CreateUserDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  @IsOptional() @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password?: string;
  @IsString() @MaxLength(MAX_NAME) name!: string;
  /** Checked by the route, which answers `INVALID_ROLE_TYPE` for anything but a string or strings. */
  @JSONSchema(ROLE_SCHEMA) @IsOptional() @Allow() role?: unknown;
  @IsOptional() @IsObject() data?: Record<string, unknown>;
}

/** Body of `POST /admin/update-user`. */
export class AdminUpdateUserDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
  @IsObject() data!: Record<string, unknown>;
}

/** Body of `POST /admin/set-role`. */
export class SetRoleDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
  @JSONSchema(ROLE_SCHEMA) @Allow() role!: unknown;
}

/** Body of `POST /admin/set-user-password`. */
export class SetUserPasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) newPassword!: string;
}

/** Body of `POST /admin/ban-user`: `banExpiresIn` in seconds. */
export class BanUserDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) banReason?: string;
  @IsOptional() @IsNumber() @Min(1) banExpiresIn?: number;
}

/** Body of the routes that name a user only. */
export class UserIdDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
}

/** Body of `POST /admin/revoke-user-session`: the token as list-user-sessions shows it. */
export class RevokeUserSessionDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TEXT) sessionToken!: string;
}

/** Body of `POST /admin/has-permission`: `permissions` (or the older `permission`), for the caller or a user or role. */
export class HasPermissionDto {
  @IsOptional() @IsObject() permissions?: Record<string, string[]>;
  @IsOptional() @IsObject() permission?: Record<string, string[]>;
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
  @JSONSchema(ROLE_SCHEMA) @IsOptional() @Allow() role?: unknown;
}

/** `{ users, total, limit, offset }` of list-users. */
export class AdminUserListResponse {
  @JSONSchema({ type: 'array', items: entityRef('User') }) @IsArray() users!: object[];
  @IsInt() total!: number;
  @IsOptional() @IsInt() limit?: number;
  @IsOptional() @IsInt() offset?: number;
}

/** `{ success }` of the revoke and remove routes. */
export class AdminSuccessResponse {
  @IsBoolean() success!: boolean;
}

/** `{ error, success }` of has-permission. */
export class AdminHasPermissionResponse {
  @JSONSchema({ type: ['string', 'null'] }) @IsOptional() @IsString() error!: string | null;
  @IsBoolean() success!: boolean;
}

/** `{ user }`. */
export class AdminUserResponse {
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** `{ session, user }` of impersonate-user and stop-impersonating. */
export class AdminSessionUserResponse {
  @JSONSchema(entityRef('Session')) @IsObject() session!: object;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** `{ sessions }` of list-user-sessions. */
export class AdminUserSessionsResponse {
  @JSONSchema({ type: 'array', items: entityRef('Session') }) @IsArray() sessions!: object[];
}
