import { IsDateString, IsObject, IsOptional, IsString, MaxLength, IsBoolean, Equals } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// Names are checked by the routes (INVALID_ROLE_NAME), so here only their type and a sane bound.
const MAX_ID = 256;
const MAX_NAME = 256;
const PERMISSION_SCHEMA = { type: 'object' as const, additionalProperties: { type: 'array' as const, items: { type: 'string' as const } } };

/** Body of `POST /organization/create-role` `{ role, permission, organizationId? }`. */
export class CreateRoleDto {
  @IsString() @MaxLength(MAX_NAME) role!: string;
  @JSONSchema(PERMISSION_SCHEMA) @IsObject() permission!: Record<string, string[]>;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
  /** better-auth's extra columns of the role table: this table has none, so only an empty object is accepted. */
  @JSONSchema({ type: 'object', maxProperties: 0 }) @IsOptional() @IsObject() additionalFields?: Record<string, unknown>;
}

/** A role named by name or id, in an organization (the active one by default). */
export class RoleReferenceDto {
  @IsOptional() @IsString() @MaxLength(MAX_NAME) roleName?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) roleId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Query of `GET /organization/get-role` and body of `POST /organization/delete-role`. */
export class GetRoleQuery extends RoleReferenceDto {}
export class DeleteRoleDto extends RoleReferenceDto {}

/** Query of `GET /organization/list-roles`. */
export class ListRolesQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Body of `POST /organization/update-role` `{ roleName | roleId, organizationId?, data: { permission?, roleName? } }`. */
export class UpdateRoleDto extends RoleReferenceDto {
  @JSONSchema({ type: 'object', properties: { permission: PERMISSION_SCHEMA, roleName: { type: 'string' } }, additionalProperties: false })
  @IsObject()
  data!: { permission?: unknown; roleName?: unknown };
}

/** One role as the routes answer it: the stored row with `permission` as an object. */
export class RoleJson {
  @IsString() id!: string;
  @IsString() organizationId!: string;
  @IsString() role!: string;
  @JSONSchema(PERMISSION_SCHEMA) @IsObject() permission!: Record<string, string[]>;
  @IsDateString() createdAt!: string;
  @JSONSchema({ type: ['string', 'null'], format: 'date-time' }) @IsOptional() @IsDateString() updatedAt!: string | null;
}

/** `{ success: true, roleData, statements }` of create-role. */
export class CreateRoleResponse {
  @Equals(true) success!: true;
  @IsObject() roleData!: RoleJson;
  @JSONSchema(PERMISSION_SCHEMA) @IsObject() statements!: Record<string, string[]>;
}

/** `{ success: true, roleData }` of update-role. */
export class UpdateRoleResponse {
  @Equals(true) success!: true;
  @IsObject() roleData!: RoleJson;
}

/** `{ success: true }` of delete-role. */
export class DeleteRoleResponse {
  @IsBoolean() success!: boolean;
}
