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

// The classes used when an app customises nothing; table names follow the shipped migrations.

/** The built-in user entity (table `users`). */
@OptionalEntity('users') @AuthUser() export class User extends BaseUser {}
/** The built-in session entity (table `sessions`). */
@OptionalEntity('sessions') @AuthSession() export class Session extends BaseSession {}
/** The built-in account entity (table `accounts`). */
@OptionalEntity('accounts') @AuthAccount() export class Account extends BaseAccount {}
/** The built-in organization entity (table `organization`). */
@OptionalEntity('organization') @AuthOrganization() export class Organization extends BaseOrganization {}
/** The built-in organization-member entity (table `member`). */
@OptionalEntity('member') @AuthMember() export class Member extends BaseMember {}
/** The built-in invitation entity (table `invitation`). */
@OptionalEntity('invitation') @AuthInvitation() export class Invitation extends BaseInvitation {}
/** The built-in verification-token entity (table `verifications`). */
@OptionalEntity('verifications') @AuthVerification() export class Verification extends BaseVerification {}
