import { Type } from 'class-transformer';
import { Allow, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// Custom fields of the app's classes (a `billingEmail`) ride in the same bodies; `customInput` checks them.
const MAX_ID = 256;
const MAX_NAME = 256;
const MAX_SLUG = 256;
const MAX_TEXT = 2048;
const MAX_EMAIL = 254;
const MAX_PAGE = 1000;
const ROLE_SCHEMA = { oneOf: [{ type: 'string' as const }, { type: 'array' as const, items: { type: 'string' as const } }] };
const PERMISSIONS_SCHEMA = { type: 'object' as const, additionalProperties: { type: 'array' as const, items: { type: 'string' as const } } };

/** Body of `POST /organization/create`. */
export class CreateOrganizationDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_NAME) name!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_SLUG) slug!: string;
  @IsOptional() @IsString() @MaxLength(MAX_TEXT) logo?: string | null;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  /** Ignored over HTTP (the creator is the caller); the server API names the creator with it. */
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
  @IsOptional() @IsBoolean() keepCurrentActiveOrganization?: boolean;
}

/** The fields `POST /organization/update` may change. */
export class OrganizationChangesDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_NAME) name?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_SLUG) slug?: string;
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(MAX_TEXT) logo?: string | null;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** Body of `POST /organization/update`: the route checks `data` against `OrganizationChangesDto` (custom fields ride along). */
export class UpdateOrganizationDto {
  @JSONSchema({ type: 'object', properties: { name: { type: 'string' }, slug: { type: 'string' }, logo: { type: ['string', 'null'] }, metadata: { type: 'object' } } })
  @IsObject()
  data!: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Bodies that name one organization. */
export class OrganizationIdDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) organizationId!: string;
}

/** Body of `POST /organization/check-slug`. */
export class CheckSlugDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_SLUG) slug!: string;
}

/** Body of `POST /organization/set-active`: `organizationId: null` clears the active organization. */
export class SetActiveDto {
  @JSONSchema({ type: ['string', 'null'] }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string | null;
  @IsOptional() @IsString() @MaxLength(MAX_SLUG) organizationSlug?: string;
}

/** Query of the reads that take an organization by id or slug (the active one otherwise). */
export class OrganizationQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_SLUG) organizationSlug?: string;
}

/** Query of `GET /organization/get-full-organization`. */
export class FullOrganizationQuery extends OrganizationQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE) membersLimit?: number;
}

/** better-auth's filter operators for lists (`in`/`not_in` take repeated or comma-separated values). */
export const LIST_FILTER_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'contains', 'starts_with', 'ends_with'] as const;

/** Query of `GET /organization/list-members`: paging, one sort and one filter on a member field. */
export class ListMembersQuery extends OrganizationQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
  @IsOptional() @IsString() @MaxLength(MAX_ID) sortBy?: string;
  @IsOptional() @IsIn(['asc', 'desc']) sortDirection?: 'asc' | 'desc';
  @IsOptional() @IsString() @MaxLength(MAX_ID) filterField?: string;
  @IsOptional() @IsIn(LIST_FILTER_OPERATORS) filterOperator?: (typeof LIST_FILTER_OPERATORS)[number];
  @JSONSchema({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @Allow()
  filterValue?: unknown;
}

/** Query of `GET /organization/get-active-member-role`. */
export class ActiveMemberRoleQuery extends OrganizationQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
}

/** Body of `POST /organization/remove-member`. */
export class RemoveMemberDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_EMAIL) memberIdOrEmail!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Body of `POST /organization/update-member-role`. */
export class UpdateMemberRoleDto {
  @JSONSchema(ROLE_SCHEMA) @Allow() role!: unknown;
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) memberId!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Body of `POST /organization/invite-member`. */
export class InviteMemberDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_EMAIL) email!: string;
  @JSONSchema(ROLE_SCHEMA) @Allow() role!: unknown;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
  @IsOptional() @IsBoolean() resend?: boolean;
  /** With teams: the team (or teams) accepting puts the invitee in; checked by the route. */
  @JSONSchema({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }) @IsOptional() @Allow() teamId?: string | string[];
}

/** Bodies that name one invitation. */
export class InvitationIdDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) invitationId!: string;
}

/** Query of `GET /organization/get-invitation`. */
export class GetInvitationQuery {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) id!: string;
}

/** Query of `GET /organization/list-invitations`. */
export class ListInvitationsQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Query of `GET /organization/list-user-invitations`: `email` is for the server API only. */
export class ListUserInvitationsQuery {
  @IsOptional() @IsString() @MaxLength(MAX_EMAIL) email?: string;
}

/** Body of `POST /organization/has-permission`: `permissions` (or the older `permission`). */
export class OrganizationHasPermissionDto {
  @JSONSchema(PERMISSIONS_SCHEMA) @IsOptional() @IsObject() permissions?: Record<string, string[]>;
  @JSONSchema({ ...PERMISSIONS_SCHEMA, deprecated: true }) @IsOptional() @IsObject() permission?: Record<string, string[]>;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** `{ members, total }` of list-members. */
export class MemberListResponse {
  @JSONSchema({ type: 'array', items: { type: 'object' } }) @IsArray() members!: object[];
  @IsInt() total!: number;
}

/** `{ role }` of get-active-member-role. */
export class MemberRoleResponse {
  @IsString() role!: string;
}

/** `{ member }` of remove-member. */
export class MemberResponse {
  @IsObject() member!: object;
}

/** `{ invitation, member }` of accept-invitation and reject-invitation (`member: null` there). */
export class InvitationOutcomeResponse {
  @IsObject() invitation!: object;
  @JSONSchema({ type: ['object', 'null'] }) @IsOptional() @IsObject() member!: object | null;
}

/** `{ error: null, success }` of has-permission. */
export class PermissionResponse {
  @JSONSchema({ type: 'null' }) @Allow() error!: null;
  @IsBoolean() success!: boolean;
}

