/**
 * The shipped SQL schema and its runner.
 * @example
 * import { runMigrations } from 'better-auth-entities/migrations';
 * await runMigrations(process.env.DATABASE_URL!, { log: console.log });
 */
import '../adapters/typeorm/typeorm-peer-check';

export { runMigrations, MigrationError, type MigrationTarget, type MigrationResult, type RunMigrationsOptions } from './run-migrations';
export { listMigrations, type MigrationFile } from './sql-files';
export { VERSION_TABLE, type Dialect } from './dialect';
export { adoptBetterAuth, describeStep, ADOPTION_VERSION, type AdoptableAuth, type AdoptOptions, type AdoptionResult } from './adopt-better-auth';
