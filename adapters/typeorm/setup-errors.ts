/**
 * A table the adapter needs does not exist: the app has not run the migrations yet (or points at another
 * database or schema). Thrown by the first query that touches it, naming the table and the fix.
 * @example
 * // MissingTableError: the table "users" (entity AppUser) does not exist in this database. Run migrations: ...
 */
export class MissingTableError extends Error {
  constructor(
    readonly table: string,
    readonly entity: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      `the table "${table}"${entity ? ` (entity ${entity})` : ''} does not exist in this database. ` +
        `Run migrations: \`await runMigrations(dataSource)\` (or the database URL) from 'better-auth-entities/migrations' ` +
        `creates the auth tables; add your own columns with your migrations. Then restart.`,
      options,
    );
    this.name = 'MissingTableError';
  }
}

/**
 * `TypeOrmAdapter.fromDataSource` was given an entity class its DataSource does not know, so TypeORM has no
 * table for it. Thrown when the adapter is built, naming the class and how to register it.
 * @example
 * // EntityNotRegisteredError: AppUser is not an entity of this DataSource; add it to `entities` ...
 */
export class EntityNotRegisteredError extends Error {
  constructor(
    readonly className: string,
    reason: 'not-listed' | 'not-decorated',
  ) {
    super(
      reason === 'not-decorated'
        ? `${className} has no TypeORM @Entity(...) decorator, so TypeORM has no table for it; add @Entity('<table>') above the class.`
        : `${className} is not an entity of this DataSource; add it to \`entities\` where the DataSource is created ` +
            `(new DataSource({ ..., entities: [${className}, ...] })) and initialise it again. ` +
            `Kinds you did not customise use the built-in classes (User, Session, ...), which must be listed too.`,
    );
    this.name = 'EntityNotRegisteredError';
  }
}
