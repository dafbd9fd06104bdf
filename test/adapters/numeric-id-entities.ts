// Entity classes whose ids the database generates (auto-increment integers), for the id-strategy suite on
// TypeORM. Written without the base classes: TypeORM keeps a base class's column when a subclass redeclares
// it, so the string primary key and the string `userId` columns could not be overridden there.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AuthAccount, AuthField, AuthInvitation, AuthMember, AuthOrganization, AuthSession, AuthUser, AuthVerification } from 'better-auth-entities/entities';

const text = { type: 'varchar', length: 255 } as const;
const optionalText = { type: 'varchar', length: 255, nullable: true } as const;

@Entity('num_users')
@AuthUser()
export class NumericUser {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column({ ...optionalText, unique: true }) @AuthField() email!: string | null;
  @Column(optionalText) @AuthField() name!: string | null;
  @Column({ name: 'email_verified', default: false }) @AuthField() emailVerified!: boolean;
  @Column(optionalText) @AuthField() image!: string | null;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
  @Column({ name: 'updated_at' }) @AuthField() updatedAt!: Date;
}

@Entity('num_sessions')
@AuthSession()
export class NumericSession {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column({ ...text, unique: true }) @AuthField() token!: string;
  @Column({ name: 'user_id', type: 'integer' }) @AuthField() userId!: string;
  @Column({ name: 'expires_at' }) @AuthField() expiresAt!: Date;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
  @Column({ name: 'updated_at' }) @AuthField() updatedAt!: Date;
}

@Entity('num_accounts')
@AuthAccount()
export class NumericAccount {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column({ ...text, name: 'account_id' }) @AuthField() accountId!: string;
  @Column({ ...text, name: 'provider_id' }) @AuthField() providerId!: string;
  @Column({ name: 'user_id', type: 'integer' }) @AuthField() userId!: string;
  @Column(optionalText) @AuthField() password!: string | null;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
  @Column({ name: 'updated_at' }) @AuthField() updatedAt!: Date;
}

@Entity('num_verifications')
@AuthVerification()
export class NumericVerification {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column(text) @AuthField() identifier!: string;
  @Column(text) @AuthField() value!: string;
  @Column({ name: 'expires_at' }) @AuthField() expiresAt!: Date;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
  @Column({ name: 'updated_at' }) @AuthField() updatedAt!: Date;
}

@Entity('num_organizations')
@AuthOrganization()
export class NumericOrganization {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column(text) @AuthField() name!: string;
  @Column({ ...text, unique: true }) @AuthField() slug!: string;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
}

@Entity('num_members')
@AuthMember()
export class NumericMember {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column({ name: 'organization_id', type: 'integer' }) @AuthField() organizationId!: string;
  @Column({ name: 'user_id', type: 'integer' }) @AuthField() userId!: string;
  @Column(text) @AuthField() role!: string;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
}

@Entity('num_invitations')
@AuthInvitation()
export class NumericInvitation {
  @PrimaryGeneratedColumn() @AuthField() id!: string;
  @Column({ name: 'organization_id', type: 'integer' }) @AuthField() organizationId!: string;
  @Column(text) @AuthField() email!: string;
  @Column(text) @AuthField() role!: string;
  @Column(text) @AuthField() status!: string;
  @Column({ name: 'inviter_id', type: 'integer' }) @AuthField() inviterId!: string;
  @Column({ name: 'expires_at' }) @AuthField() expiresAt!: Date;
  @Column({ name: 'created_at' }) @AuthField() createdAt!: Date;
}

export const NUMERIC_ENTITIES = {
  user: NumericUser,
  session: NumericSession,
  account: NumericAccount,
  verification: NumericVerification,
  organization: NumericOrganization,
  member: NumericMember,
  invitation: NumericInvitation,
};
