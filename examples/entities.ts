// The app's own entity classes: the same classes serve the memory adapter and TypeORM.
import { IsIn, Matches, MaxLength } from 'class-validator';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import {
  AuthAccount,
  AuthDefault,
  AuthField,
  AuthInvitation,
  AuthMember,
  AuthOrganization,
  AuthSession,
  AuthUser,
  AuthVerification,
  BaseAccount,
  BaseInvitation,
  BaseMember,
  BaseOrganization,
  BaseSession,
  BaseVerification,
} from 'better-auth-entities/entities';

/** The shipped migrations (plus this app's own, see open-database.ts) own the auth tables, not `synchronize`. */
const AUTH_TABLE = { synchronize: false };

/**
 * Written from scratch, without a base class: it declares only the fields the user contract requires, keeps
 * the display name in `displayName`, adds billing fields that no request body may set and profile fields that
 * sign-up and update-user may. Every column names its type: TypeORM and the auth engine then need no decorator
 * metadata (an app built by esbuild, tsx or Vite has none), and a `string | null` property, whose metadata says
 * only `Object`, is still known to hold a string.
 */
@Entity('users', AUTH_TABLE)
@AuthUser()
export class AppUser {
  @PrimaryColumn({ type: 'varchar', length: 255 }) id!: string;
  @Column({ type: 'varchar', length: 255, nullable: true, unique: true }) email!: string | null;
  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  @AuthField('name') // the property is displayName; the column and the API field stay `name`
  displayName!: string | null;
  @Column({ name: 'email_verified', type: 'boolean', default: false }) emailVerified!: boolean;
  @Column({ type: 'text', nullable: true }) image!: string | null;

  @Column({ type: 'varchar', length: 32, default: 'free' })
  @AuthDefault('free')
  @AuthField({ input: false }) // set by billing code, never by a sign-up form
  @IsIn(['free', 'pro']) // the class's own rule: server code that sets it is checked too
  plan!: string;

  @Column({ name: 'stripe_customer_id', type: 'varchar', nullable: true })
  @AuthField({ input: false })
  stripeCustomerId!: string | null;

  /** What the app calls the user; sign-up and update-user may set it (40 characters: the column's length). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  @Matches(/^[\w .-]*$/, { message: 'nickname may hold letters, digits, spaces, dots, dashes and underscores' })
  nickname!: string | null;

  @Column({ type: Date, precision: 6, nullable: true }) birthday!: Date | null;
  /** An `int` column: requests may set whole numbers in its range, or null. */
  @Column({ type: 'int', nullable: true }) age!: number | null;
  @Column({ type: 'boolean', nullable: true }) newsletter!: boolean | null;
  @Column({ type: 'simple-json', nullable: true }) preferences!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** Sessions remember which device opened them. */
@Entity('sessions', AUTH_TABLE)
@AuthSession()
export class AppSession extends BaseSession {
  @Column({ name: 'device_label', type: 'varchar', nullable: true })
  @AuthDefault(() => 'unknown device')
  deviceLabel!: string | null;
}

@Entity('accounts', AUTH_TABLE) @AuthAccount() export class AppAccount extends BaseAccount {}

@Entity('organization', AUTH_TABLE)
@AuthOrganization()
export class AppOrganization extends BaseOrganization {
  @Column({ name: 'billing_email', type: 'varchar', nullable: true }) @MaxLength(120) billingEmail!: string | null;
}

@Entity('member', AUTH_TABLE) @AuthMember() export class AppMember extends BaseMember {}
@Entity('invitation', AUTH_TABLE) @AuthInvitation() export class AppInvitation extends BaseInvitation {}
@Entity('verifications', AUTH_TABLE) @AuthVerification() export class AppVerification extends BaseVerification {}

/** All seven, as the adapters take them. */
export const appEntities = {
  user: AppUser,
  session: AppSession,
  account: AppAccount,
  organization: AppOrganization,
  member: AppMember,
  invitation: AppInvitation,
  verification: AppVerification,
};
