import { BaseAccount } from './base/base-account';
import { BaseInvitation } from './base/base-invitation';
import { BaseMember } from './base/base-member';
import { BaseOrganization } from './base/base-organization';
import { BaseSession } from './base/base-session';
import { BaseUser } from './base/base-user';
import { BaseVerification } from './base/base-verification';
import { typeorm } from './base/optional-typeorm';
import { AuthAccount, AuthInvitation, AuthMember, AuthOrganization, AuthSession, AuthUser, AuthVerification } from './decorators/entity-decorators';
import type { EntityKind } from './entity-kind';
import { FIELD_CONTRACTS } from './field-contracts';
import type { EntityClass } from './model/entity-model';

/**
 * better-auth's default table names (the same on PostgreSQL, SQLite and MySQL: its Kysely adapter quotes them,
 * so `user` stays `user` and `twoFactor` keeps its capital). Its column names are the field names themselves
 * (`emailVerified`, `userId`): see {@link BetterAuthColumns}.
 * @example
 * @Entity(BETTER_AUTH_TABLES.user) @AuthUser() @BetterAuthColumns() class AppUser extends BaseUser {}
 */
export const BETTER_AUTH_TABLES = Object.freeze({
  user: 'user',
  session: 'session',
  account: 'account',
  verification: 'verification',
  organization: 'organization',
  member: 'member',
  invitation: 'invitation',
  twoFactor: 'twoFactor',
  passkey: 'passkey',
} as const);

const BASES: ReadonlyArray<readonly [Function, EntityKind]> = [
  [BaseUser, 'user'],
  [BaseSession, 'session'],
  [BaseAccount, 'account'],
  [BaseVerification, 'verification'],
  [BaseOrganization, 'organization'],
  [BaseMember, 'member'],
  [BaseInvitation, 'invitation'],
];

/**
 * Gives the standard fields a class inherits from a base class (`BaseUser`, `BaseSession`, …) better-auth's
 * column names, which are the field names (`emailVerified` rather than `email_verified`), so the app's own
 * class reads and writes a database better-auth made. Your own columns keep the names you give them. A class
 * written without a base class needs no decorator: TypeORM names a column after its property by default.
 * @example
 * @Entity('user') @AuthUser() @BetterAuthColumns()
 * class AppUser extends BaseUser { @Column({ default: 'free' }) @AuthDefault('free') plan!: string }
 */
export function BetterAuthColumns(): ClassDecorator {
  return (target) => {
    if (!typeorm) return; // without TypeORM there are no columns to name (the memory adapter)
    const base = baseOf(target);
    if (!base) throw new TypeError(`@BetterAuthColumns() on ${target.name}: the class extends none of BaseUser, BaseSession, …; name its columns with @Column({ name }) instead.`);
    const storage = typeorm.getMetadataArgsStorage();
    for (const spec of FIELD_CONTRACTS[base.kind]) {
      const own = storage.columns.some((args) => args.target === target && args.propertyName === spec.field);
      if (own) continue;
      const index = storage.columns.findIndex((args) => args.target === base.target && args.propertyName === spec.field);
      if (index < 0) continue;
      const original = storage.columns[index]!;
      // TypeORM keeps the first declaration of a property it meets, so this one goes before the base class's.
      storage.columns.splice(index, 0, { ...original, target, options: { ...original.options, name: spec.field } });
    }
  };
}

function baseOf(target: Function): { target: Function; kind: EntityKind } | null {
  for (let current: unknown = Object.getPrototypeOf(target); typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const found = BASES.find(([base]) => base === current);
    if (found) return { target: found[0], kind: found[1] };
  }
  return null;
}

const KIND_DECORATORS: Readonly<Record<EntityKind, () => ClassDecorator>> = {
  user: AuthUser,
  session: AuthSession,
  account: AuthAccount,
  verification: AuthVerification,
  organization: AuthOrganization,
  member: AuthMember,
  invitation: AuthInvitation,
};

const defaults = new Map<EntityKind, EntityClass<object>>();

/** The built-in class of a kind with better-auth's names, made once (TypeORM metadata is global). */
function betterAuthClass(kind: EntityKind): EntityClass<object> {
  const known = defaults.get(kind);
  if (known) return known;
  const Base = BASES.find(([, candidate]) => candidate === kind)![0] as abstract new () => object;
  const Named = class extends Base {};
  Object.defineProperty(Named, 'name', { value: `BetterAuth${kind[0]!.toUpperCase()}${kind.slice(1)}` });
  BetterAuthColumns()(Named);
  typeorm?.Entity(BETTER_AUTH_TABLES[kind], { synchronize: false })(Named);
  KIND_DECORATORS[kind]()(Named);
  defaults.set(kind, Named as unknown as EntityClass<object>);
  return Named as unknown as EntityClass<object>;
}

/**
 * The entity set for a database better-auth made: your own classes where you give them (decorate them with
 * `@Entity(BETTER_AUTH_TABLES.<kind>)` and {@link BetterAuthColumns}), and for every other kind a built-in class
 * on better-auth's table and column names.
 * @example
 * const database = await TypeOrmAdapter.connect(url, betterAuthEntities({ user: AppUser }));
 */
export function betterAuthEntities<C extends Partial<Record<EntityKind, EntityClass<object>>> = {}>(classes: C = {} as C): Omit<BetterAuthDefaults, keyof C> & C {
  const all = { ...classes } as Record<string, unknown>;
  for (const [, kind] of BASES) all[kind] ??= betterAuthClass(kind);
  return all as Omit<BetterAuthDefaults, keyof C> & C;
}

/** The classes {@link betterAuthEntities} fills in, typed by their standard fields. */
export interface BetterAuthDefaults {
  user: EntityClass<BaseUser>;
  session: EntityClass<BaseSession>;
  account: EntityClass<BaseAccount>;
  verification: EntityClass<BaseVerification>;
  organization: EntityClass<BaseOrganization>;
  member: EntityClass<BaseMember>;
  invitation: EntityClass<BaseInvitation>;
}
