import type { DatabaseAdapter } from 'better-auth-entities/adapters';

/** The slice of the TypeORM adapter and migrations modules the bench uses. */
interface TypeOrmModule {
  TypeOrmAdapter: { connect(url: string): Promise<DatabaseAdapter> };
}
interface MigrationsModule {
  runMigrations(url: string): Promise<unknown>;
}

/**
 * Our SQL adapter for a `sqlite:<path>` or `postgres://…` URL, with the shipped schema applied; or, when the
 * TypeORM adapter or the migrations are not in the tree yet, the reason the row is skipped. Loaded by path at
 * run time (not imported) so the bench compiles and its other rows run without them.
 */
export async function openSqlAdapter(url: string): Promise<DatabaseAdapter | string> {
  const typeorm = load<TypeOrmModule>('../../adapters/typeorm');
  const migrations = load<MigrationsModule>('../../migrations');
  if (!typeorm?.TypeOrmAdapter) return 'adapters/typeorm (TypeOrmAdapter) is not in the tree yet';
  if (!migrations?.runMigrations) return 'migrations/ (runMigrations) is not in the tree yet';
  await migrations.runMigrations(url);
  return typeorm.TypeOrmAdapter.connect(url);
}

function load<T>(path: string): T | null {
  try {
    return require(path) as T;
  } catch (error) {
    // Only "the module is not there" means skip; a module that is there but broken must fail loudly.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${path}'`)) return null;
    throw error;
  }
}
