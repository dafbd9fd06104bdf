import { BaseAccount } from '../../entities/base/base-account';
import { BaseInvitation } from '../../entities/base/base-invitation';
import { BaseMember } from '../../entities/base/base-member';
import { BaseSession } from '../../entities/base/base-session';
import { BaseUser } from '../../entities/base/base-user';
import { BaseVerification } from '../../entities/base/base-verification';
import { OptionalEntity } from '../../entities/base/optional-typeorm';
import { StandardColumn } from '../../entities/base/standard-column';
import { AuthDefault } from '../../entities/decorators/auth-default';
import { AuthField } from '../../entities/decorators/auth-field';
import {
  AuthAccount,
  AuthInvitation,
  AuthMember,
  AuthOrganization,
  AuthSession,
  AuthUser,
  AuthVerification,
} from '../../entities/decorators/entity-decorators';
import type { DatabaseAdapter } from '../database-adapter';
import { OptionalColumn } from './optional-column';

// The classes the conformance suite stores. They exercise what user classes do in the wild: custom fields
// with and without defaults, a JSON default that must not be shared, and a class written without a base
// class whose `name` lives in a remapped property. Custom fields without a default carry `@AuthField()`,
// which is what makes them visible to the entity model when typeorm is not installed.
// Tables are prefixed `conformance_` so a SQL adapter can create them next to an app's own.

/** Preferences stored as JSON, to check that objects round-trip and defaults are fresh per row. @example user.preferences.theme // 'light' */
export interface ConformancePreferences {
  theme: string;
  [key: string]: unknown;
}

/**
 * The user class of the suite: the standard fields plus `plan` (defaults to `'free'`), `stripeCustomerId`
 * and `preferences` (defaults to a fresh `{ theme: 'light' }`).
 * @example
 * const user = await db.createUser({ email: 'ada@example.com' }); // user.plan === 'free'
 */
@OptionalEntity('conformance_users')
@AuthUser()
export class ConformanceUser extends BaseUser {
  @OptionalColumn({ name: 'plan', type: 'varchar', default: 'free' })
  @AuthDefault('free')
  plan!: string;

  /** Set by server code only (`input: false`): no request body may write it. */
  @OptionalColumn({ name: 'stripe_customer_id', type: 'varchar', nullable: true })
  @AuthField({ input: false })
  stripeCustomerId!: string | null;

  @OptionalColumn({ name: 'preferences', type: 'simple-json', nullable: true })
  @AuthDefault(() => ({ theme: 'light' }))
  preferences!: ConformancePreferences;
}

/** The session class of the suite, with a custom `deviceName`. @example await db.createSession({ token, userId, expiresAt, deviceName: 'laptop' }) */
@OptionalEntity('conformance_sessions')
@AuthSession()
export class ConformanceSession extends BaseSession {
  @OptionalColumn({ name: 'device_name', type: 'varchar', nullable: true })
  @AuthField()
  deviceName!: string | null;
}

/** The account class of the suite. @example await db.createAccount({ userId, providerId: 'credential', accountId: userId }) */
@OptionalEntity('conformance_accounts')
@AuthAccount()
export class ConformanceAccount extends BaseAccount {}

/**
 * The organization class of the suite, written without a base class: the standard `name` is held by
 * `displayName` (column `name`), there is no `updatedAt`, and `tier` defaults to `'starter'`.
 * @example
 * const org = await db.createOrganization({ name: 'Acme', slug: 'acme' }); // org.displayName === 'Acme'
 */
@OptionalEntity('conformance_organizations')
@AuthOrganization()
export class ConformanceOrganization {
  @StandardColumn('organization', 'id') id!: string;

  @OptionalColumn({ name: 'name', type: 'varchar' })
  @AuthField('name')
  displayName!: string;

  @StandardColumn('organization', 'slug') slug!: string;
  @StandardColumn('organization', 'logo') logo!: string | null;
  @StandardColumn('organization', 'metadata') metadata!: Record<string, unknown>;

  @OptionalColumn({ name: 'tier', type: 'varchar', default: 'starter' })
  @AuthDefault('starter')
  tier!: string;

  @StandardColumn('organization', 'createdAt') createdAt!: Date;
}

/** The member class of the suite. @example await db.createMember({ organizationId, userId, role: 'owner' }) */
@OptionalEntity('conformance_members')
@AuthMember()
export class ConformanceMember extends BaseMember {}

/** The invitation class of the suite. @example await db.createInvitation({ organizationId, email, inviterId, expiresAt }) */
@OptionalEntity('conformance_invitations')
@AuthInvitation()
export class ConformanceInvitation extends BaseInvitation {}

/** The verification class of the suite. @example await db.createVerification({ identifier, value, expiresAt }) */
@OptionalEntity('conformance_verifications')
@AuthVerification()
export class ConformanceVerification extends BaseVerification {}

/**
 * The classes a conformance adapter must be built with, one per kind.
 * @example
 * describeAdapterConformance('memory', (entities: ConformanceEntities) => new MemoryDatabaseAdapter(entities));
 */
export interface ConformanceEntities {
  readonly user: typeof ConformanceUser;
  readonly session: typeof ConformanceSession;
  readonly account: typeof ConformanceAccount;
  readonly organization: typeof ConformanceOrganization;
  readonly member: typeof ConformanceMember;
  readonly invitation: typeof ConformanceInvitation;
  readonly verification: typeof ConformanceVerification;
}

/**
 * The conformance classes as one set, e.g. to list them as a SQL adapter's entities.
 * @example
 * new DataSource({ type: 'sqlite', database: ':memory:', entities: Object.values(CONFORMANCE_ENTITIES), synchronize: true });
 */
export const CONFORMANCE_ENTITIES: ConformanceEntities = Object.freeze({
  user: ConformanceUser,
  session: ConformanceSession,
  account: ConformanceAccount,
  organization: ConformanceOrganization,
  member: ConformanceMember,
  invitation: ConformanceInvitation,
  verification: ConformanceVerification,
});

/**
 * An adapter storing the conformance classes: what `makeAdapter` must return.
 * @example
 * const make = (entities: ConformanceEntities): ConformanceAdapter => new MemoryDatabaseAdapter(entities);
 */
export type ConformanceAdapter = DatabaseAdapter<
  ConformanceUser,
  ConformanceSession,
  ConformanceAccount,
  ConformanceOrganization,
  ConformanceMember,
  ConformanceInvitation,
  ConformanceVerification
>;
