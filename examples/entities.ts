// The app's own entity classes: the same classes serve the memory adapter and TypeORM.
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
 * the display name in `displayName`, and adds billing fields that no request body may set.
 */
@Entity('users', AUTH_TABLE)
@AuthUser()
export class AppUser {
  @PrimaryColumn({ type: 'varchar', length: 255 }) id!: string;
  @Column({ type: 'varchar', length: 255, nullable: true, unique: true }) email!: string | null;
  @Column({ name: 'name', type: 'varchar', length: 255, nullable: true })
  @AuthField('name') // the property is displayName; the column and the API field stay `name`
  displayName!: string | null;
  @Column({ name: 'email_verified', default: false }) emailVerified!: boolean;
  @Column({ type: 'text', nullable: true }) image!: string | null;

  @Column({ default: 'free' })
  @AuthDefault('free')
  @AuthField({ input: false }) // set by billing code, never by a sign-up form
  plan!: string;

  @Column({ name: 'stripe_customer_id', type: 'varchar', nullable: true })
  @AuthField({ input: false })
  stripeCustomerId!: string | null;

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
  @Column({ name: 'billing_email', type: 'varchar', nullable: true }) billingEmail!: string | null;
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
