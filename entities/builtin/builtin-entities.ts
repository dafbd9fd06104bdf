import { BaseAccount } from '../base/base-account';
import { BaseInvitation } from '../base/base-invitation';
import { BaseMember } from '../base/base-member';
import { BaseOrganization } from '../base/base-organization';
import { BaseSession } from '../base/base-session';
import { BaseUser } from '../base/base-user';
import { BaseVerification } from '../base/base-verification';
import { OptionalEntity } from '../base/optional-typeorm';
import {
  AuthAccount,
  AuthInvitation,
  AuthMember,
  AuthOrganization,
  AuthSession,
  AuthUser,
  AuthVerification,
} from '../decorators/entity-decorators';

// The classes used when an app customises nothing; table names follow the shipped migrations, which own
// these tables (so TypeORM's synchronize leaves them alone).
const MIGRATED = { synchronize: false };

/** The built-in user entity (table `users`). */
@OptionalEntity('users', MIGRATED) @AuthUser() export class User extends BaseUser {}
/** The built-in session entity (table `sessions`). */
@OptionalEntity('sessions', MIGRATED) @AuthSession() export class Session extends BaseSession {}
/** The built-in account entity (table `accounts`). */
@OptionalEntity('accounts', MIGRATED) @AuthAccount() export class Account extends BaseAccount {}
/** The built-in organization entity (table `organization`). */
@OptionalEntity('organization', MIGRATED) @AuthOrganization() export class Organization extends BaseOrganization {}
/** The built-in organization-member entity (table `member`). */
@OptionalEntity('member', MIGRATED) @AuthMember() export class Member extends BaseMember {}
/** The built-in invitation entity (table `invitation`). */
@OptionalEntity('invitation', MIGRATED) @AuthInvitation() export class Invitation extends BaseInvitation {}
/** The built-in verification-token entity (table `verifications`). */
@OptionalEntity('verifications', MIGRATED) @AuthVerification() export class Verification extends BaseVerification {}
