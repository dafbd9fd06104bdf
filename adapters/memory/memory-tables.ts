import type { EntityModels } from '../../entities/entity-set';
import type { EntityModel } from '../../entities/model/entity-model';
import { IndexedTable, type IndexKey } from './indexed-table';

/**
 * The seven tables of a memory adapter and the indexes behind every lookup the contract makes. A transaction's
 * adapter shares these with the adapter it came from; only its journal differs.
 * @example
 * const tables = createMemoryTables(buildEntityModels());
 * tables.sessions.findUnique('token', digest);
 */
export interface MemoryTables<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly users: IndexedTable<U, 'email' | 'username'>;
  readonly sessions: IndexedTable<S, 'token', 'userId'>;
  readonly accounts: IndexedTable<A, 'providerAccount', 'userId'>;
  readonly verifications: IndexedTable<V, never, 'identifier'>;
  readonly organizations: IndexedTable<O, 'slug'>;
  readonly members: IndexedTable<M, 'organizationUser', 'organizationId' | 'userId'>;
  /** Grouped by `inviterId` too, so deleting a user finds the invitations it sent without a scan. */
  readonly invitations: IndexedTable<I, never, 'organizationId' | 'email' | 'inviterId'>;
}

/** Builds empty tables whose index keys are read through the models, so remapped properties just work. */
export function createMemoryTables<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  models: EntityModels<U, S, A, O, M, I, V>,
): MemoryTables<U, S, A, O, M, I, V> {
  const { user, session, account, verification, organization, member, invitation } = models;
  return {
    users: new IndexedTable({
      kind: 'user',
      id: idOf(user),
      unique: {
        email: { fields: ['email'], key: keyOf(user, 'email') },
        username: { fields: ['username'], key: keyOf(user, 'username') },
      },
      groups: {},
    }),
    sessions: new IndexedTable({
      kind: 'session',
      id: idOf(session),
      unique: { token: { fields: ['token'], key: keyOf(session, 'token') } },
      groups: { userId: keyOf(session, 'userId') },
    }),
    accounts: new IndexedTable({
      kind: 'account',
      id: idOf(account),
      unique: { providerAccount: { fields: ['providerId', 'accountId'], key: keyOf(account, 'providerId', 'accountId') } },
      groups: { userId: keyOf(account, 'userId') },
    }),
    verifications: new IndexedTable({
      kind: 'verification',
      id: idOf(verification),
      unique: {},
      groups: { identifier: keyOf(verification, 'identifier') },
    }),
    organizations: new IndexedTable({
      kind: 'organization',
      id: idOf(organization),
      unique: { slug: { fields: ['slug'], key: keyOf(organization, 'slug') } },
      groups: {},
    }),
    members: new IndexedTable({
      kind: 'member',
      id: idOf(member),
      unique: { organizationUser: { fields: ['organizationId', 'userId'], key: keyOf(member, 'organizationId', 'userId') } },
      groups: { organizationId: keyOf(member, 'organizationId'), userId: keyOf(member, 'userId') },
    }),
    invitations: new IndexedTable({
      kind: 'invitation',
      id: idOf(invitation),
      unique: {},
      groups: {
        organizationId: keyOf(invitation, 'organizationId'),
        email: keyOf(invitation, 'email'),
        inviterId: keyOf(invitation, 'inviterId'),
      },
    }),
  };
}

function idOf<T extends object>(model: EntityModel<T>): (row: T) => string {
  return (row) => String(model.read(row, 'id'));
}

/**
 * The index key of one or more fields. A composite key is JSON, so no separator character inside a value can
 * make two different pairs collide; a missing part leaves the row out of the index, as SQL treats NULL.
 */
function keyOf<T extends object>(model: EntityModel<T>, ...fields: string[]): IndexKey<T> {
  if (fields.length === 1) {
    const [field] = fields;
    return (row) => {
      const value = model.readUnchecked(row, field);
      return value === null || value === undefined ? null : String(value);
    };
  }
  return (row) => {
    const values = fields.map((field) => model.readUnchecked(row, field));
    return values.some((value) => value === null || value === undefined) ? null : compositeKey(...values);
  };
}

/** The key of a composite index, for lookups: `compositeKey(providerId, accountId)`. */
export function compositeKey(...values: unknown[]): string {
  return JSON.stringify(values.map(String));
}
