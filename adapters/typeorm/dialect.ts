import type { DataSource } from 'typeorm';

/** The SQL families the adapter speaks; MariaDB is `mysql`, both SQLite drivers are `sqlite`. */
export type Dialect = 'postgres' | 'sqlite' | 'mysql';

const DIALECT_OF_DRIVER: Readonly<Record<string, Dialect>> = Object.freeze({
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
});

/**
 * The dialect of a DataSource, from its `type` option; throws for a database the adapter was not built for.
 * @example
 * dialectOf(new DataSource({ type: 'better-sqlite3', database: ':memory:' })); // 'sqlite'
 */
export function dialectOf(dataSource: DataSource): Dialect {
  const type = String(dataSource.options.type);
  const dialect = DIALECT_OF_DRIVER[type];
  if (!dialect) {
    throw new Error(
      `TypeOrmAdapter supports DataSources of type ${Object.keys(DIALECT_OF_DRIVER).join(', ')}; this one is '${type}'.`,
    );
  }
  return dialect;
}
