import { Account, Invitation, Member, Organization, Session, User, Verification } from './builtin/builtin-entities';
import { EntityDefinitionError } from './entity-definition-error';
import type { EntityKind } from './entity-kind';
import { classChain, getMetadataStorage } from './metadata-storage';
import { buildEntityModel } from './model/build-entity-model';
import type { EntityClass, EntityModel } from './model/entity-model';

/**
 * The classes an adapter stores, one per kind. Every key is optional: a kind left out uses the built-in class.
 * @example
 * new MemoryDatabaseAdapter({ user: AppUser, session: AppSession })
 */
export interface EntityClasses<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  user?: EntityClass<U>;
  session?: EntityClass<S>;
  account?: EntityClass<A>;
  organization?: EntityClass<O>;
  member?: EntityClass<M>;
  invitation?: EntityClass<I>;
  verification?: EntityClass<V>;
  /**
   * The app's own classes for plugin tables, each tagged `@AuthRecord('model')` (see `AuthRecord`): checked
   * against the plugin's declaration when the auth is built, then every `auth.records(model)` goes through it.
   */
  records?: ReadonlyArray<EntityClass<object>>;
}

/** The validated models of all seven kinds, as an adapter holds them. */
export interface EntityModels<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly user: EntityModel<U, 'user'>;
  readonly session: EntityModel<S, 'session'>;
  readonly account: EntityModel<A, 'account'>;
  readonly organization: EntityModel<O, 'organization'>;
  readonly member: EntityModel<M, 'member'>;
  readonly invitation: EntityModel<I, 'invitation'>;
  readonly verification: EntityModel<V, 'verification'>;
}

/**
 * The record classes of a set by the model each serves (`twoFactor` → `AppTwoFactor`). Each must be tagged
 * `@AuthRecord`, and one model has one class; the plugin's declaration is checked later, when the auth is built.
 * @example
 * recordClassesOf({ records: [AppTwoFactor] }).get('twoFactor'); // AppTwoFactor
 */
export function recordClassesOf(classes: { records?: ReadonlyArray<EntityClass<object>> } = {}): ReadonlyMap<string, EntityClass<object>> {
  const byModel = new Map<string, EntityClass<object>>();
  for (const target of classes.records ?? []) {
    const tag = classChain(target)
      .map((cls) => getMetadataStorage().records.find((record) => record.target === cls))
      .find((record) => record !== undefined);
    if (!tag) throw new EntityDefinitionError(target.name, null, "is listed in `records` but not tagged; add @AuthRecord('<model>') above the class, naming the plugin table it stores.");
    const other = byModel.get(tag.model);
    if (other && other !== target) throw new EntityDefinitionError(target.name, null, `and ${other.name} are both given for the plugin table '${tag.model}'; keep one.`);
    byModel.set(tag.model, target);
  }
  return byModel;
}

/**
 * Validates every class of a set against its kind's contract and returns their models.
 * Throws `EntityDefinitionError` naming the class, the field and the fix.
 */
export function buildEntityModels<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  classes: EntityClasses<U, S, A, O, M, I, V> = {},
): EntityModels<U, S, A, O, M, I, V> {
  const model = <T extends object, K extends EntityKind>(kind: K, given: EntityClass<T> | undefined, builtin: EntityClass<object>) =>
    buildEntityModel<T, K>(kind, (given ?? builtin) as EntityClass<T>);
  return Object.freeze({
    user: model<U, 'user'>('user', classes.user, User),
    session: model<S, 'session'>('session', classes.session, Session),
    account: model<A, 'account'>('account', classes.account, Account),
    organization: model<O, 'organization'>('organization', classes.organization, Organization),
    member: model<M, 'member'>('member', classes.member, Member),
    invitation: model<I, 'invitation'>('invitation', classes.invitation, Invitation),
    verification: model<V, 'verification'>('verification', classes.verification, Verification),
  });
}
