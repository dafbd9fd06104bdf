import { IsBoolean, IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

// Caps bound the DTO only; the configured password policy (8–128 by default) is checked before any hashing.
const MAX_EMAIL = 254;
const MAX_PASSWORD_BYTES_GUARD = 1024;
const MAX_URL = 2048;
const MAX_TOKEN = 256;

/** Body of `POST /request-password-reset` (and `/forget-password`). */
export class RequestPasswordResetDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  /** Where the emailed link lands, with `?token=` (or `?error=`): a relative path or a trusted origin. */
  @IsOptional() @IsString() @MaxLength(MAX_URL) redirectTo?: string;
}

/** Query of `GET /reset-password/:token`. */
export class ResetPasswordCallbackQuery {
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Body of `POST /reset-password`; the token may come in the query instead, as better-auth allows. */
export class ResetPasswordDto {
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) newPassword!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token?: string;
}

/** Query of `POST /reset-password`. */
export class ResetPasswordQuery {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token?: string;
}

/** Body of `POST /change-password`. */
export class ChangePasswordDto {
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) currentPassword!: string;
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) newPassword!: string;
  /** Sign out every session and open a new one for this client (default false). */
  @IsOptional() @IsBoolean() revokeOtherSessions?: boolean;
}

/** Body of `POST /set-password`. */
export class SetPasswordDto {
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) newPassword!: string;
}

/** Answer of `GET /reset-password/:token` when no callbackURL was given. */
export class ResetTokenResponse {
  @IsString() token!: string;
}

/** Answer of `POST /change-password`: `token` is the new session's when other sessions were revoked. */
export class ChangePasswordResponse {
  @JSONSchema({ type: ['string', 'null'] }) @IsString() token!: string | null;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}
