import { IsBoolean, IsEmail, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

// Length caps stop oversized values before any work is done; the password cap here only bounds the DTO,
// the configured policy (8–128 by default) is checked by the plugin.
const MAX_EMAIL = 254;
const MAX_NAME = 256;
const MAX_PASSWORD_BYTES_GUARD = 1024;
const MAX_URL = 2048;

/** Body of `POST /sign-up/email`; custom user fields travel beside these. */
export class SignUpEmailDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password!: string;
  @IsString() @MaxLength(MAX_NAME) name!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) image?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsBoolean() rememberMe?: boolean;
}

/** Body of `POST /sign-in/email`. */
export class SignInEmailDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsBoolean() rememberMe?: boolean;
}

/** Answer of `POST /sign-up/email`: `token` is `null` when no session was opened (autoSignIn off, verification required). */
export class SignUpResponse {
  @JSONSchema({ type: ['string', 'null'] }) @IsString() token!: string | null;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}
