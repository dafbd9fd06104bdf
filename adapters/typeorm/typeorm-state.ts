import type { DataSource, EntityManager } from 'typeorm';
import type { EntityModels } from '../../entities/entity-set';
import { resolveIdStrategy, type IdStrategy } from '../id-strategy';
import type { Dialect } from './dialect';
import { directReaderFor, type DirectReader } from './direct-reads';
import { ErrorTranslator } from './error-translation';
import type { JoinedReadCache } from './joined-reads';
import { gateFor, type OperationGate } from './operation-gate';
import { SqlTable } from './sql-table';
import { buildTableMapping, type TableMapping } from './table-mapping';

/** The table mappings of all seven kinds. */
export interface TableMappings<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly users: TableMapping<U>;
  readonly sessions: TableMapping<S>;
  readonly accounts: TableMapping<A>;
  readonly verifications: TableMapping<V>;
  readonly organizations: TableMapping<O>;
  readonly members: TableMapping<M>;
  readonly invitations: TableMapping<I>;
}

/** The seven tables bound to one manager (the DataSource's, or a transaction's). */
export type SqlTables<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> = {
  readonly [K in keyof TableMappings<U, S, A, O, M, I, V>]: TableMappings<U, S, A, O, M, I, V>[K] extends TableMapping<infer T> ? SqlTable<T> : never;
};

/**
 * What an adapter shares with its transactions: the DataSource, the validated models joined to TypeORM's
 * metadata, the error translator and the SQLite gate. Built once, when the adapter is.
 */
export interface TypeOrmState<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly dataSource: DataSource;
  readonly dialect: Dialect;
  readonly models: EntityModels<U, S, A, O, M, I, V>;
  readonly mappings: TableMappings<U, S, A, O, M, I, V>;
  readonly errors: ErrorTranslator;
  readonly gate: OperationGate;
  /** Joined reads built on first use (see readSessionWithUser). */
  readonly joins: JoinedReadCache;
  /** Fixed reads straight on the driver, where that is safe (see direct-reads.ts). */
  readonly direct: DirectReader | null;
}

/**
 * Joins every model to the DataSource's metadata. Throws `EntityNotRegisteredError` for a class the DataSource
 * does not know, and `EntityDefinitionError` for a standard field without a column.
 * @example
 * const state = createTypeOrmState(dataSource, 'postgres', buildEntityModels({ user: AppUser }), 'PostgreSQL at db:5432');
 */
export function createTypeOrmState<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  dataSource: DataSource,
  dialect: Dialect,
  models: EntityModels<U, S, A, O, M, I, V>,
  database: string,
  ids: IdStrategy = resolveIdStrategy(),
): TypeOrmState<U, S, A, O, M, I, V> {
  const mappings: TableMappings<U, S, A, O, M, I, V> = {
    // Emails are stored lower-cased, so a case-insensitive lookup is an exact match on the unique index.
    users: buildTableMapping(dataSource, models.user, ['email'], ids),
    sessions: buildTableMapping(dataSource, models.session, [], ids),
    accounts: buildTableMapping(dataSource, models.account, [], ids),
    verifications: buildTableMapping(dataSource, models.verification, [], ids),
    organizations: buildTableMapping(dataSource, models.organization, [], ids),
    members: buildTableMapping(dataSource, models.member, [], ids),
    invitations: buildTableMapping(dataSource, models.invitation, ['email'], ids),
  };
  const errors = new ErrorTranslator(Object.values(mappings) as TableMapping<object>[], database);
  return Object.freeze({ dataSource, dialect, models, mappings, errors, gate: gateFor(dataSource, dialect), joins: {}, direct: directReaderFor(dataSource, dialect) });
}

/** The seven tables of `state`, running their statements on `manager`. */
export function bindTables<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  state: TypeOrmState<U, S, A, O, M, I, V>,
  manager: EntityManager,
): SqlTables<U, S, A, O, M, I, V> {
  // A transaction's manager has its own query runner (its connection); only the DataSource's may read directly.
  const direct = manager.queryRunner ? null : state.direct;
  const context = { dataSource: state.dataSource, manager, errors: state.errors, direct };
  const { mappings } = state;
  return {
    users: new SqlTable(mappings.users, context),
    sessions: new SqlTable(mappings.sessions, context),
    accounts: new SqlTable(mappings.accounts, context),
    verifications: new SqlTable(mappings.verifications, context),
    organizations: new SqlTable(mappings.organizations, context),
    members: new SqlTable(mappings.members, context),
    invitations: new SqlTable(mappings.invitations, context),
  };
}
