import { IsArray, IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const MAX_ID = 256;

/**
 * Body of `POST /unlink-account`. better-auth 1.7's client sends `{ accountId }` with the account's own id;
 * earlier clients sent `{ providerId, accountId? }` with the provider's account id. Both are understood.
 */
export class UnlinkAccountDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_ID) providerId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(MAX_ID) accountId?: string;
}

/** One item of `GET /list-accounts`: what identifies the account, never its password or provider tokens. */
export class AccountListItem {
  @IsString() id!: string;
  @IsString() providerId!: string;
  @IsString() accountId!: string;
  @IsString() userId!: string;
  @IsArray() @IsString({ each: true }) scopes!: string[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}
