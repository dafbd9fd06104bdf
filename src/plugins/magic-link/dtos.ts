import { IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const MAX_EMAIL = 254;
const MAX_NAME = 255;
const MAX_URL = 2048;
const MAX_TOKEN = 256;

/** Body of `POST /sign-in/magic-link`, as better-auth's `signIn.magicLink` sends it. */
export class SignInMagicLinkDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  /** Only used when the link creates the user. */
  @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) newUserCallbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) errorCallbackURL?: string;
  /** Accepted for the client's sake (better-auth hands it to its sender); not used here. */
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** Query of `GET /magic-link/verify`: the emailed link. */
export class MagicLinkVerifyQuery {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) newUserCallbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) errorCallbackURL?: string;
}

/** Answer of `GET /magic-link/verify` without a callbackURL. */
export class MagicLinkSessionResponse {
  @IsString() token!: string;
  @IsObject() user!: Record<string, unknown>;
  @IsObject() session!: Record<string, unknown>;
}
