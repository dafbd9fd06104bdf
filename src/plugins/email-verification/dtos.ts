import { Allow, IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { entityRef } from '../../http/response-dtos';

const MAX_EMAIL = 254;
const MAX_URL = 2048;
const MAX_TOKEN = 256;

/** Body of `POST /send-verification-email`. */
export class SendVerificationEmailDto {
  @IsEmail({}, { message: 'must be a valid email address' }) @MaxLength(MAX_EMAIL) email!: string;
  /** Where the link lands after verifying: a relative path or a trusted origin. */
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Query of `GET /verify-email`. */
export class VerifyEmailQuery {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
  @IsOptional() @IsString() @MaxLength(MAX_URL) callbackURL?: string;
}

/** Answer of `GET /verify-email` without a callbackURL: the user only when the link changed the address. */
export class VerifyEmailResponse {
  @IsBoolean() status!: boolean;
  @JSONSchema({ anyOf: [entityRef('User'), { type: 'null' }] }) @Allow() user!: object | null;
}
