import { IsBoolean, IsObject, IsString } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

/** Answer of `POST /sign-in/anonymous`: the new session's token and the anonymous user (better-auth's shape). */
export class AnonymousSignInResponse {
  @IsString() token!: string;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** Answer of `POST /delete-anonymous-user`. */
export class DeleteAnonymousUserResponse {
  @IsBoolean() success!: boolean;
}
