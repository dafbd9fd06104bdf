import type { DataSource } from 'typeorm';
import type { Account, Invitation, Member, Organization, Session, User, Verification } from '../../entities/builtin/builtin-entities';
import { buildEntityModels, recordClassesOf, type EntityClasses, type EntityModels } from '../../entities/entity-set';
import type { EntityClass } from '../../entities/model/entity-model';
import type { IdOptions } from '../id-strategy';
import { resolveIdStrategy } from '../id-strategy';
import { connectionFailure } from './connection-errors';
import { parseConnectionUrl } from './connection-url';
import { createDataSource, describeDataSource } from './data-source-factory';
import { dialectOf, type Dialect } from './dialect';
import { resolvePoolConfig, type PoolConfig } from './pool-config';
import { TypeOrmAdapterCore } from './typeorm-adapter-core';
import { createTypeOrmState } from './typeorm-state';

/**
 * Options of `TypeOrmAdapter.connect`.
 * @example
 * await TypeOrmAdapter.connect(url, {}, { pool: { maxConnections: 5 }, logging: true });
 */
export interface TypeOrmConnectOptions extends IdOptions {
  /** Pool sizing and timeouts; see `PoolConfig` for the defaults and what each driver can honour. */
  pool?: PoolConfig;
  /** Log every SQL statement through TypeORM's logger (default `false`). */
  logging?: boolean;
}

/**
 * The SQL adapter: PostgreSQL (`pg`), MySQL and MariaDB (`mysql2`), SQLite (`sqlite3` on TypeORM 0.3,
 * `better-sqlite3` on TypeORM 0.3 and 1.x), through TypeORM. Reads return instances of your own entity
 * classes, custom columns included; columns a create leaves out get their database defaults, and the
 * returned entity shows them.
 *
 * Build it from a URL (it owns its connection pool and `close()` ends it) or from your app's initialised
 * DataSource, so the app and the auth library share one pool. The tables come from the shipped migrations
 * (or from your own TypeORM migrations); the adapter never creates or alters them.
 * @example
 * // Its own pool:
 * const db = await TypeOrmAdapter.connect(process.env.DATABASE_URL!, { user: AppUser }, { pool: { maxConnections: 20 } });
 * // Your app's DataSource, which lists the auth entities:
 * const dataSource = new DataSource({ type: 'postgres', url, entities: [AppUser, Session, Account, Verification, ...] });
 * await dataSource.initialize();
 * const shared = TypeOrmAdapter.fromDataSource(dataSource, { user: AppUser }); // TypeOrmAdapter<AppUser, Session, ...>
 */
export class TypeOrmAdapter<
  U extends object = User,
  S extends object = Session,
  A extends object = Account,
  O extends object = Organization,
  M extends object = Member,
  I extends object = Invitation,
  V extends object = Verification,
> extends TypeOrmAdapterCore<U, S, A, O, M, I, V> {
  readonly dataSource: DataSource;
  readonly dialect: Dialect;
  /** The app's own classes for plugin tables (`records: [AppTwoFactor]`), by model. */
  readonly recordClasses: ReadonlyMap<string, EntityClass<object>>;

  private constructor(
    dataSource: DataSource,
    dialect: Dialect,
    models: EntityModels<U, S, A, O, M, I, V>,
    database: string,
    private readonly ownsDataSource: boolean,
    ids: IdOptions,
    recordClasses: ReadonlyMap<string, EntityClass<object>>,
  ) {
    super(createTypeOrmState(dataSource, dialect, models, database, resolveIdStrategy(ids)), dataSource.manager);
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.recordClasses = recordClasses;
  }

  /**
   * Connects to `url` with a pool of its own: `postgres://` / `postgresql://`, `mysql://`, `mariadb://`,
   * `sqlite:<path>` or `sqlite::memory:`. The entity classes are validated before connecting; kinds left out
   * use the built-in classes (tables `users`, `sessions`, `accounts`, `verifications`, `organization`, `member`,
   * `invitation`). An unreachable database fails here with a `DatabaseUnavailableError` that names the host and
   * port and says how to start it.
   * @example
   * const db = await TypeOrmAdapter.connect('postgres://app@127.0.0.1:5432/app', { user: AppUser });
   */
  static async connect<
    U extends object = User,
    S extends object = Session,
    A extends object = Account,
    O extends object = Organization,
    M extends object = Member,
    I extends object = Invitation,
    V extends object = Verification,
  >(url: string, entities: EntityClasses<U, S, A, O, M, I, V> = {}, options: TypeOrmConnectOptions = {}): Promise<TypeOrmAdapter<U, S, A, O, M, I, V>> {
    const target = parseConnectionUrl(url);
    const models = buildEntityModels(entities);
    const records = recordClassesOf(entities);
    // The app's record classes join the DataSource too, so its own code can use their repositories.
    const classes = [...Object.values(models).map((model) => model.target), ...records.values()];
    const dataSource = createDataSource(target, resolvePoolConfig(options.pool), classes, { logging: options.logging ?? false });
    try {
      await dataSource.initialize();
    } catch (error) {
      throw connectionFailure(target, error);
    }
    try {
      return new TypeOrmAdapter(dataSource, target.dialect, models, target.description, true, options, records);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
  }

  /**
   * An adapter over your app's own initialised DataSource (the seed's `from_pool`): one pool for the app and
   * auth. The DataSource must list the entity classes, the built-in ones for kinds you do not customise
   * included; a class it does not know fails here with an `EntityNotRegisteredError` naming it.
   * `close()` leaves the DataSource open: it is yours. On MySQL/MariaDB give the DataSource `timezone: 'Z'`, as
   * `connect()` does, so DATETIME columns hold UTC (any zone round-trips, but UTC reads the same from every server).
   * @example
   * const db = TypeOrmAdapter.fromDataSource(appDataSource, { user: AppUser, session: AppSession });
   */
  static fromDataSource<
    U extends object = User,
    S extends object = Session,
    A extends object = Account,
    O extends object = Organization,
    M extends object = Member,
    I extends object = Invitation,
    V extends object = Verification,
  >(dataSource: DataSource, entities: EntityClasses<U, S, A, O, M, I, V> = {}, options: IdOptions = {}): TypeOrmAdapter<U, S, A, O, M, I, V> {
    if (!dataSource.isInitialized) {
      throw new Error('TypeOrmAdapter.fromDataSource needs an initialised DataSource: `await dataSource.initialize()` first.');
    }
    return new TypeOrmAdapter(dataSource, dialectOf(dataSource), buildEntityModels(entities), describeDataSource(dataSource), false, options, recordClassesOf(entities));
  }

  /** Ends the connection pool if `connect()` opened it; a DataSource passed to `fromDataSource` stays open. */
  override async close(): Promise<void> {
    if (this.ownsDataSource && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
