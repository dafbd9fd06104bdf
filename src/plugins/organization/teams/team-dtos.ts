import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

const MAX_ID = 256;
const MAX_NAME = 256;

/** Body of `POST /organization/create-team`. */
export class CreateTeamDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_NAME) name!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** The fields `POST /organization/update-team` may change (`organizationId` picks the organization, never moves the team). */
export class TeamChangesDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_NAME) name?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Body of `POST /organization/update-team`: `data` is checked against `TeamChangesDto`. */
export class UpdateTeamDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) teamId!: string;
  @JSONSchema({ type: 'object', properties: { name: { type: 'string' }, organizationId: { type: 'string' } } })
  @IsObject()
  data!: Record<string, unknown>;
}

/** Body of `POST /organization/remove-team`. */
export class RemoveTeamDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) teamId!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Body of `POST /organization/set-active-team`: `teamId: null` clears it, no `teamId` re-checks the current one. */
export class SetActiveTeamDto {
  @JSONSchema({ type: ['string', 'null'] }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(MAX_ID) teamId?: string | null;
}

/** Bodies of `POST /organization/add-team-member` and `remove-team-member`. */
export class TeamMemberDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) teamId!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) userId!: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Query of `GET /organization/list-teams`. */
export class ListTeamsQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** Query of `GET /organization/list-team-members`: the active team when none is named. */
export class ListTeamMembersQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) teamId?: string;
}

/** Query of `GET /organization/list-user-teams`. */
export class ListUserTeamsQuery {
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) organizationId?: string;
}

/** `{ message }` of remove-team and remove-team-member. */
export class TeamMessageResponse {
  @IsString() message!: string;
}
