import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

// Bounds the DTO only; the plugin's own rules (3–30 by default) are checked after.
const MAX_USERNAME_GUARD = 256;
const MAX_PASSWORD_BYTES_GUARD = 1024;
const MAX_URL = 2048;

/** Body of `POST /sign-in/username`. */
export class SignInUsernameDto {
  @IsString() @MaxLength(MAX_USERNAME_GUARD) username!: string;
  @IsString() @MaxLength(MAX_PASSWORD_BYTES_GUARD) password!: string;
  @IsOptional() @IsBoolean() rememberMe?: boolean;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Body of `POST /is-username-available`. */
export class IsUsernameAvailableDto {
  @IsString() @MaxLength(MAX_USERNAME_GUARD) username!: string;
}

/** Answer of `POST /is-username-available`. */
export class UsernameAvailableResponse {
  @IsBoolean() available!: boolean;
}
