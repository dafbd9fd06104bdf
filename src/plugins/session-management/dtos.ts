import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

/** Body of `POST /revoke-session`: a raw token, or a session's `token` as list-sessions shows it. */
export class RevokeSessionDto {
  @IsString() @IsNotEmpty() @MaxLength(512) token!: string;
}

/** Answer of `GET /get-session`. */
export class SessionResponse {
  @JSONSchema(entityRef('Session')) @IsObject() session!: object;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** Answer of `POST /sign-out`. */
export class SignOutResponse {
  @IsBoolean() success!: boolean;
}

/** Answer of `POST /revoke-session`. */
export class RevokeSessionResponse {
  @IsBoolean() status!: boolean;
  @IsBoolean() success!: boolean;
}

/** Answer of `POST /revoke-sessions` and `/revoke-other-sessions`. */
export class RevokeSessionsResponse {
  @IsBoolean() status!: boolean;
  @IsInt() count!: number;
}
