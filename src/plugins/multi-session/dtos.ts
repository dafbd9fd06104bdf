import { IsBoolean, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

/**
 * Body of `POST /multi-session/set-active` and `/multi-session/revoke`: a session the browser holds, named by
 * its raw token or by the `session.token` list-device-sessions showed (the stored digest).
 */
export class DeviceSessionTokenDto {
  @IsString() @IsNotEmpty() @MaxLength(512) sessionToken!: string;
}

/** One entry of `GET /multi-session/list-device-sessions`, and the answer of set-active. */
export class DeviceSessionResponse {
  @JSONSchema(entityRef('Session')) @IsObject() session!: object;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** Answer of `POST /multi-session/revoke`. */
export class DeviceSessionRevokedResponse {
  @IsBoolean() status!: boolean;
}
