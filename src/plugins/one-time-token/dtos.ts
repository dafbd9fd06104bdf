import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

/** Real tokens are 43 characters; anything much longer is refused before storage is asked. */
const MAX_TOKEN = 256;

/** Answer of `GET /one-time-token/generate`. */
export class OneTimeTokenResponse {
  /** Good once, for `expiresIn` minutes: a credential, never log it. */
  @IsString() token!: string;
}

/** Body of `POST /one-time-token/verify`, as `authClient.oneTimeToken.verify({ token })` sends it. */
export class VerifyOneTimeTokenDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
}

/** Answer of `POST /one-time-token/verify`: the redeeming device's own new session (its raw token included) and the user. */
export class OneTimeTokenSessionResponse {
  @JSONSchema(entityRef('Session')) @IsObject() session!: object;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}
