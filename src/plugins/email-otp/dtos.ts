import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OTP_TYPES, type OtpType } from './otp-types';

// An address is checked by the route (400 INVALID_EMAIL, as better-auth answers); these only bound the input.
const MAX_EMAIL = 254;
const MAX_OTP = 64;
const MAX_NAME = 255;
const MAX_URL = 2048;
const MAX_PASSWORD_GUARD = 1024;

/** Body of `POST /email-otp/send-verification-otp`. */
export class SendVerificationOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
  @IsIn(OTP_TYPES) type!: OtpType;
}

/** Body of `POST /sign-in/email-otp`; `name` and `image` only count when the code creates the user. */
export class SignInEmailOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
  @IsString() @MaxLength(MAX_OTP) otp!: string;
  @IsOptional() @IsString() @MaxLength(MAX_NAME) name?: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) image?: string;
  @IsOptional() @IsBoolean() rememberMe?: boolean;
}

/** Body of `POST /email-otp/verify-email`. */
export class VerifyEmailOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
  @IsString() @MaxLength(MAX_OTP) otp!: string;
}

/** Body of `POST /email-otp/check-verification-otp`. */
export class CheckVerificationOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
  @IsIn(OTP_TYPES) type!: OtpType;
  @IsString() @MaxLength(MAX_OTP) otp!: string;
}

/** Body of `POST /email-otp/request-password-reset` and `POST /forget-password/email-otp`. */
export class RequestPasswordResetOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
}

/** Body of `POST /email-otp/reset-password`. */
export class ResetPasswordOtpDto {
  @IsString() @MaxLength(MAX_EMAIL) email!: string;
  @IsString() @MaxLength(MAX_OTP) otp!: string;
  @IsString() @MaxLength(MAX_PASSWORD_GUARD) password!: string;
}

/** `{ success: true }`: the answer of the routes that send or check a code. */
export class SuccessResponse {
  @IsBoolean() success!: boolean;
}

/** Answer of `POST /sign-in/email-otp`. */
export class EmailOtpSignInResponse {
  @IsString() token!: string;
  @IsOptional() user!: Record<string, unknown>;
}

/** Answer of `POST /email-otp/verify-email`: `token` only with `autoSignInAfterVerification`. */
export class VerifyEmailOtpResponse {
  @IsBoolean() status!: boolean;
  @IsOptional() @IsString() token!: string | null;
  @IsOptional() user!: Record<string, unknown>;
}
