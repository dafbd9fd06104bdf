import type { Metadata, StandardUser } from '../standard-fields';
import { StandardColumn } from './standard-column';

/**
 * The standard user fields with their columns. Extend it and add your own:
 * @example
 * @Entity('users') @AuthUser() class AppUser extends BaseUser { @Column({ default: 'free' }) @AuthDefault('free') plan!: string }
 */
export abstract class BaseUser implements StandardUser {
  @StandardColumn({ name: 'id', type: 'string', primary: true }) id!: string;
  @StandardColumn({ name: 'email', type: 'string', nullable: true, unique: true }) email!: string | null;
  @StandardColumn({ name: 'name', type: 'string', nullable: true }) name!: string | null;
  @StandardColumn({ name: 'email_verified', type: 'boolean', default: false }) emailVerified!: boolean;
  @StandardColumn({ name: 'image', type: 'string', nullable: true, long: true }) image!: string | null;
  @StandardColumn({ name: 'username', type: 'string', nullable: true, unique: true }) username!: string | null;
  @StandardColumn({ name: 'display_username', type: 'string', nullable: true }) displayUsername!: string | null;
  @StandardColumn({ name: 'two_factor_enabled', type: 'boolean', default: false }) twoFactorEnabled!: boolean;
  @StandardColumn({ name: 'role', type: 'string', nullable: true }) role!: string | null;
  @StandardColumn({ name: 'banned', type: 'boolean', default: false }) banned!: boolean;
  @StandardColumn({ name: 'ban_reason', type: 'string', nullable: true, long: true }) banReason!: string | null;
  @StandardColumn({ name: 'ban_expires', type: 'date', nullable: true }) banExpires!: Date | null;
  @StandardColumn({ name: 'metadata', type: 'json' }) metadata!: Metadata;
  @StandardColumn({ name: 'created_at', type: 'date', timestamp: 'create' }) createdAt!: Date;
  @StandardColumn({ name: 'updated_at', type: 'date', timestamp: 'update' }) updatedAt!: Date;
}
