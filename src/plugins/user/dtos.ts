import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

const MAX_EMAIL = 254;
const MAX_NAME = 256;
const MAX_PASSWORD_BYTES_GUARD = 1024;
const MAX_URL = 2048;
const MAX_TOKEN = 256;

/** Body of `POST /update-user`; custom input fields of the user class travel beside these. */
export class UpdateUserDto {
  // A name may be changed but not removed: present means a string.
  @ValidateIf((dto: UpdateUserDto) => dto.name !== undefined) @IsString() @MaxLength(MAX_NAME) name?: string;
  /** `null` removes the image. */
  @JSONSchema({ type: ['string', 'null'] }) @IsOptional() @IsString() @MaxLength(MAX_URL) image?: string | null;
}

/** Body of `POST /delete-user`: the password, or a token from the confirmation email; or neither with a fresh session. */
export class DeleteUserDto {
  @IsOptional() @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token?: string;
  /** Where the confirmation link lands after deleting: a relative path or a trusted origin. */
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Query of `GET /delete-user/callback`. */
export class DeleteUserCallbackQuery {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Body of `POST /change-email`; without `password` the session must be fresh. */
export class ChangeEmailDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) newEmail!: string;
  @IsOptional() @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password?: string;
  /** Where the confirmation link lands: a relative path or a trusted origin. */
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}
