export type TypeOrmModule = typeof import('typeorm');

/**
 * typeorm is an optional peer: base and built-in classes carry its decorators when it is installed, and
 * still work (for the memory adapter) when it is not. Resolved with a plain `require('typeorm')`, so a
 * test run that maps `typeorm` onto another major (jest `moduleNameMapper`) decorates with that one too.
 */
export const typeorm: TypeOrmModule | null = (() => {
  try {
    return require('typeorm') as TypeOrmModule;
  } catch {
    return null;
  }
})();

/**
 * TypeORM's `@Entity(table, { synchronize })` when typeorm is installed; otherwise nothing.
 *
 * The built-in classes pass `synchronize: false`: their tables are created and evolved by the shipped
 * migrations, whose PostgreSQL types (TIMESTAMPTZ, JSONB, TEXT) a portable entity class cannot declare. Left
 * to TypeORM's `synchronize`, an app would see it "fix" those columns by dropping and re-adding them.
 */
export function OptionalEntity(table: string, options: { synchronize?: boolean } = {}): ClassDecorator {
  return (target) => {
    if (typeorm) typeorm.Entity(table, { synchronize: options.synchronize ?? true })(target);
  };
}

/**
 * TypeORM's class-level `@Index(properties, { unique })` when typeorm is installed; otherwise nothing.
 * Put on a base class, it is inherited by every entity extending it. No index name is given on purpose:
 * TypeORM derives one from the concrete table, so two tables extending one base class (an app's `member`
 * and the conformance suite's) never collide on PostgreSQL, where index names are unique per schema.
 * @example
 * @OptionalIndex(['providerId', 'accountId'], { unique: true }) export abstract class BaseAccount {}
 */
export function OptionalIndex(properties: string[], options: { unique?: boolean } = {}): ClassDecorator {
  return (target) => {
    if (typeorm) typeorm.Index(properties, { unique: options.unique ?? false })(target);
  };
}
