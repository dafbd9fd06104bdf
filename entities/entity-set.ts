import { Account, Invitation, Member, Organization, Session, User, Verification } from './builtin/builtin-entities';
import type { EntityKind } from './entity-kind';
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
}

/** The validated models of all seven kinds, as an adapter holds them. */
export interface EntityModels<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly user: EntityModel<U>;
  readonly session: EntityModel<S>;
  readonly account: EntityModel<A>;
  readonly organization: EntityModel<O>;
  readonly member: EntityModel<M>;
  readonly invitation: EntityModel<I>;
  readonly verification: EntityModel<V>;
}

/**
 * Validates every class of a set against its kind's contract and returns their models.
 * Throws `EntityDefinitionError` naming the class, the field and the fix.
 */
export function buildEntityModels<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  classes: EntityClasses<U, S, A, O, M, I, V> = {},
): EntityModels<U, S, A, O, M, I, V> {
  const model = <T extends object>(kind: EntityKind, given: EntityClass<T> | undefined, builtin: EntityClass<object>) =>
    buildEntityModel(kind, (given ?? builtin) as EntityClass<T>);
  return Object.freeze({
    user: model<U>('user', classes.user, User),
    session: model<S>('session', classes.session, Session),
    account: model<A>('account', classes.account, Account),
    organization: model<O>('organization', classes.organization, Organization),
    member: model<M>('member', classes.member, Member),
    invitation: model<I>('invitation', classes.invitation, Invitation),
    verification: model<V>('verification', classes.verification, Verification),
  });
}
