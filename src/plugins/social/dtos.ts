import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

const MAX_ID = 256;
const MAX_URL = 2048;
const MAX_SCOPES = 32;
const MAX_CALLBACK_VALUE = 4096;
const MAX_TOKEN = 8192;

/** An ID token the client obtained from the provider itself (Google One Tap, Apple on a device). */
export class IdTokenDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
  /** The nonce the client asked the provider to put in the token; checked when given. */
  @IsOptional() @IsString() @MaxLength(MAX_ID) nonce?: string;
  @IsOptional() @IsString() @MaxLength(MAX_TOKEN) accessToken?: string;
  @IsOptional() @IsString() @MaxLength(MAX_TOKEN) refreshToken?: string;
}

/** Body of `POST /sign-in/social`, as better-auth's `signIn.social` sends it. */
export class SignInSocialDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) provider!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) errorCallbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) newUserCallbackURL?: string;
  @IsOptional() @IsBoolean() disableRedirect?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_SCOPES) @IsString({ each: true }) @MaxLength(MAX_ID, { each: true }) scopes?: string[];
  @IsOptional() @IsString() @MaxLength(MAX_ID) loginHint?: string;
  /** Sign-in with a provider's ID token, without a redirect (OpenID Connect providers; others answer `ID_TOKEN_NOT_SUPPORTED`). */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => IdTokenDto) idToken?: IdTokenDto;
}

/** Body of `POST /link-social`. */
export class LinkSocialDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_ID) provider!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) errorCallbackURL?: string;
  @IsOptional() @IsBoolean() disableRedirect?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_SCOPES) @IsString({ each: true }) @MaxLength(MAX_ID, { each: true }) scopes?: string[];
  @IsOptional() @IsString() @MaxLength(MAX_ID) loginHint?: string;
  @IsOptional() @IsObject() idToken?: Record<string, unknown>;
}

/** What the provider sends back, in the query (or a posted form): every field optional, checked by the route. */
export class OAuthCallbackDto {
  @IsOptional() @IsString() @MaxLength(MAX_CALLBACK_VALUE) code?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) state?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) error?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) error_description?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) iss?: string;
  /** Apple's one-time `user` JSON (name) on the first sign-in. */
  @IsOptional() @IsString() @MaxLength(MAX_CALLBACK_VALUE) user?: string;
}

/**
 * Body of `POST /get-access-token` and `POST /refresh-token`: better-auth 1.7 sends `{ accountId }` (the
 * account's own id); earlier clients `{ providerId, accountId? }` with the provider's account id. `userId` is
 * accepted and ignored over HTTP: the caller's session decides whose accounts are searched.
 */
export class AccountTokenDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_ID) providerId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_ID) accountId?: string;
  @IsOptional() @IsString() @MaxLength(MAX_ID) userId?: string;
}

/** Answer of `POST /sign-in/social` and `POST /link-social` when a redirect to the provider follows. */
export class SocialRedirectResponse {
  @IsString() url!: string;
  @IsBoolean() redirect!: boolean;
}

/** Answer of `POST /get-access-token`. */
export class AccessTokenResponse {
  @IsString() accessToken!: string;
  @IsOptional() @IsDateString() accessTokenExpiresAt?: string;
  @IsArray() @IsString({ each: true }) scopes!: string[];
  @IsOptional() @IsString() idToken?: string;
}

/** Answer of `POST /refresh-token`. */
export class RefreshTokenResponse {
  @IsString() accessToken!: string;
  @IsOptional() @IsString() refreshToken?: string;
  @IsOptional() @IsDateString() accessTokenExpiresAt?: string;
  @IsOptional() @IsDateString() refreshTokenExpiresAt?: string;
  @IsOptional() @IsString() scope?: string;
  @IsOptional() @IsString() idToken?: string;
  @IsString() providerId!: string;
  @IsString() accountId!: string;
}
