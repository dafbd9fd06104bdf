import { IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

// Bounds the DTO only: a password is checked against the stored hash, a code against the rules of its kind.
const MAX_PASSWORD_GUARD = 1024;
const MAX_CODE = 64;
const MAX_ISSUER = 256;

/** Body of `POST /two-factor/enable`. `password` may be left out only by users without one (social sign-in), from a fresh session. */
export class EnableTwoFactorDto {
  @IsOptional() @IsString() @MaxLength(MAX_PASSWORD_GUARD) password?: string;
  @IsOptional() @IsIn(['totp', 'otp']) method?: 'totp' | 'otp';
  @IsOptional() @IsString() @MaxLength(MAX_ISSUER) issuer?: string;
}

/** Body of the routes that only need the password again (`disable`, `get-totp-uri`, `generate-backup-codes`). */
export class TwoFactorPasswordDto {
  @IsOptional() @IsString() @MaxLength(MAX_PASSWORD_GUARD) password?: string;
}

/** Body of `POST /two-factor/verify-totp` and `POST /two-factor/verify-otp`. */
export class VerifyCodeDto {
  @IsString() @MaxLength(MAX_CODE) code!: string;
  /** Skip the second factor on this device for `trustDeviceMaxAge` (default 30 days). */
  @IsOptional() @IsBoolean() trustDevice?: boolean;
}

/** Body of `POST /two-factor/verify-backup-code`. */
export class VerifyBackupCodeDto {
  @IsString() @MaxLength(MAX_CODE) code!: string;
  /** Checks (and spends) the code without opening a session. */
  @IsOptional() @IsBoolean() disableSession?: boolean;
  @IsOptional() @IsBoolean() trustDevice?: boolean;
}

/** Body of `POST /two-factor/send-otp` (may be empty). */
export class SendOtpDto {
  @IsOptional() @IsBoolean() trustDevice?: boolean;
}

/** Answer of `POST /two-factor/enable`: with `totp`, the URI for the app and the backup codes, shown this once. */
export class EnableTwoFactorResponse {
  @IsIn(['totp', 'otp']) method!: string;
  @IsOptional() @IsString() totpURI?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) backupCodes?: string[];
}

export class TotpUriResponse {
  @IsString() totpURI!: string;
}

/** Answer of a successful verification: the session's token (the new one, at sign-in) and the user. */
export class TwoFactorVerifiedResponse {
  /** `null` for a backup code verified with `disableSession`: no session was opened. */
  @IsOptional() @IsString() token!: string | null;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

export class BackupCodesResponse {
  @IsBoolean() status!: boolean;
  @IsArray() @IsString({ each: true }) backupCodes!: string[];
}
