import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /revoke-session`: a raw token, or a session's `token` as list-sessions shows it. */
export class RevokeSessionDto {
  @IsString() @IsNotEmpty() @MaxLength(512) token!: string;
}
