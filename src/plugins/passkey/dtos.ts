import { IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

const MAX_NAME = 255;
const MAX_ID = 255;

/** Query of `GET /passkey/generate-register-options`, as `passkeyClient.passkey.addPasskey` sends it. */
export class RegisterOptionsQuery {
  @IsOptional() @IsIn(['platform', 'cross-platform']) authenticatorAttachment?: 'platform' | 'cross-platform';
  /** Shown by the authenticator as the account name (default: the user's email). */
  @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string;
  /** Accepted for the client's sake (better-auth's passkey-first sign-up); not used here. */
  @IsOptional() @IsString() @MaxLength(MAX_NAME) context?: string;
}

/** Body of `POST /passkey/verify-registration`: the browser's `PublicKeyCredential` as JSON, and a label. */
export class VerifyRegistrationDto {
  @JSONSchema({ type: 'object', description: 'The RegistrationResponseJSON of navigator.credentials.create' })
  @IsObject()
  response!: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string;
  /** Accepted for the client's sake; registration needs a session here, so none is created. */
  @IsOptional() @IsBoolean() createSession?: boolean;
}

/** Body of `POST /passkey/verify-authentication`. */
export class VerifyAuthenticationDto {
  @JSONSchema({ type: 'object', description: 'The AuthenticationResponseJSON of navigator.credentials.get' })
  @IsObject()
  response!: Record<string, unknown>;
}

/** Body of `POST /passkey/update-passkey`. */
export class UpdatePasskeyDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) id!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_NAME) name!: string;
}

/** Body of `POST /passkey/delete-passkey`. */
export class DeletePasskeyDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) id!: string;
}

/** One passkey, as every passkey route answers it. */
export class PasskeyResponse {
  @IsString() id!: string;
  @IsOptional() @IsString() name?: string | null;
  @IsString() publicKey!: string;
  @IsString() userId!: string;
  @IsString() credentialID!: string;
  @IsNumber() counter!: number;
  @IsString() deviceType!: string;
  @IsBoolean() backedUp!: boolean;
  @IsOptional() @IsString() transports?: string | null;
  @IsOptional() @IsString() aaguid?: string | null;
  @IsString() createdAt!: string;
}

/** Answer of `POST /passkey/update-passkey`. */
export class UpdatePasskeyResponse {
  @JSONSchema({ type: 'object', description: 'The passkey, renamed' }) @IsObject() passkey!: PasskeyResponse;
}

/** Answer of the two options routes: WebAuthn's `PublicKeyCredential{Creation,Request}OptionsJSON`. */
export class CredentialOptionsResponse {
  @IsString() challenge!: string;
  @IsOptional() @IsString() rpId?: string;
  @IsOptional() @IsObject() rp?: { id: string; name: string };
  @IsOptional() @IsObject() user?: { id: string; name: string; displayName: string };
  @IsOptional() @IsArray() excludeCredentials?: object[];
  @IsOptional() @IsArray() allowCredentials?: object[];
  @IsOptional() @IsNumber() timeout?: number;
}

/** Answer of `POST /passkey/verify-authentication`. */
export class PasskeySessionResponse {
  @JSONSchema(entityRef('Session')) @IsObject() session!: object;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}
