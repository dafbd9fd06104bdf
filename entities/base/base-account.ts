import type { StandardAccount } from '../standard-fields';
import { OptionalIndex } from './optional-typeorm';
import { StandardColumn } from './standard-column';

/** The standard account fields with their columns. @example @Entity('accounts') @AuthAccount() class AppAccount extends BaseAccount {} */
@OptionalIndex(['providerId', 'accountId'], { unique: true })
export abstract class BaseAccount implements StandardAccount {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'account_id', type: 'string' }) accountId!: string;
  @StandardColumn({ name: 'provider_id', type: 'string' }) providerId!: string;
  @StandardColumn({ name: 'user_id', type: 'string', index: true }) userId!: string;
  @StandardColumn({ name: 'access_token', type: 'string', nullable: true, long: true }) accessToken!: string | null;
  @StandardColumn({ name: 'refresh_token', type: 'string', nullable: true, long: true }) refreshToken!: string | null;
  @StandardColumn({ name: 'id_token', type: 'string', nullable: true, long: true }) idToken!: string | null;
  @StandardColumn({ name: 'access_token_expires_at', type: 'date', nullable: true }) accessTokenExpiresAt!: Date | null;
  @StandardColumn({ name: 'refresh_token_expires_at', type: 'date', nullable: true }) refreshTokenExpiresAt!: Date | null;
  @StandardColumn({ name: 'scope', type: 'string', nullable: true, long: true }) scope!: string | null;
  @StandardColumn({ name: 'password', type: 'string', nullable: true, long: true }) password!: string | null;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
  @StandardColumn({ name: 'updated_at', type: 'date', timestamp: 'update' }) updatedAt!: Date;
}
