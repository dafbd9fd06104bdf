export type TypeOrmModule = typeof import('typeorm');

/**
 * typeorm is an optional peer: base and built-in classes carry its decorators when it is installed, and
 * still work (for the memory adapter) when it is not.
 */
export const typeorm: TypeOrmModule | null = (() => {
  try {
    return require('typeorm') as TypeOrmModule;
  } catch {
    return null;
  }
})();

/** TypeORM's `@Entity(table)` when typeorm is installed; otherwise nothing. */
export function OptionalEntity(table: string): ClassDecorator {
  return (target) => {
    if (typeorm) typeorm.Entity(table)(target);
  };
}
