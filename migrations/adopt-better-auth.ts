import type { DataSource, QueryRunner } from 'typeorm';
import type { DatabaseAdapter } from '../adapters/database-adapter';
import { adoptSessionTokens } from '../src/core/adopt-sessions';
import type { AdoptionChange, Adopter } from '../src/core/adoption';
import type { PluginDeclarations } from '../src/core/plugin-declarations';
import { getAuthSchema, type SchemaSource } from '../src/schema/get-auth-schema';
import { planMissingIndexes } from '../src/schema/index-plan';
import { planMigration, type MigrationStep } from '../src/schema/migration-plan';
import { sqlAdoptionRows } from './adoption-rows';
import { dialectOps, VERSION_TABLE } from './dialect';
import { withMigrationLock } from './run-migrations';
import { listMigrations } from './sql-files';

/** The row `adoptBetterAuth` records besides the shipped versions: this database was adopted, not created by us. */
export const ADOPTION_VERSION = 'adopted_from_better_auth';

/** What {@link adoptBetterAuth} needs of a built auth: its adapter and secret, and its plugins' declarations. */
export interface AdoptableAuth extends SchemaSource {
  readonly context: SchemaSource['context'] & { readonly db: DatabaseAdapter; readonly config: { readonly secret: string } };
  readonly plugins: readonly PluginDeclarations[];
}

/** Options of {@link adoptBetterAuth}. */
export interface AdoptOptions {
  /** Inspect and report only: nothing is written, not even our migrations table. */
  dryRun?: boolean;
  /** Receives one line per step as it is applied (never a secret or a token). */
  log?: (line: string) => void;
  lockTimeoutMs?: number;
}

/** What an adoption added (or, in a dry run, would add). */
export interface AdoptionResult {
  /** Tables, columns and indexes added, in order. */
  readonly steps: readonly MigrationStep[];
  /** Rows converted, per kind of data (sessions, two-factor, provider tokens, …). */
  readonly changes: readonly AdoptionChange[];
  /** Versions recorded in `better_auth_migrations` (the shipped ones, and {@link ADOPTION_VERSION}). */
  readonly versions: readonly string[];
  readonly dryRun: boolean;
}

/**
 * Adopts a database better-auth created and fills, in place: adds the tables, columns and indexes this auth's
 * schema needs and the database lacks (never renaming, dropping or rewriting what better-auth reads), converts
 * its data to our formats (raw session tokens to digests; each plugin's `adopt`: two-factor secrets and backup
 * codes, provider tokens), and records the shipped migrations as applied, so `runMigrations` does not create
 * its own tables beside better-auth's. The auth must name better-auth's tables and columns
 * (`betterAuthEntities`) and use better-auth's secret.
 * Everything runs in one transaction on PostgreSQL and SQLite (all or nothing) under the migration lock (two
 * runs at once: the second finds nothing to do). MySQL/MariaDB commit each DDL statement implicitly, so a failure
 * there leaves earlier tables and columns added; running it again resumes, since every step is planned from
 * what the database lacks and every conversion skips rows already converted.
 * @example
 * const { steps, changes } = await adoptBetterAuth(auth, { dryRun: true }); // the plan; nothing written
 * await adoptBetterAuth(auth, { log: console.log });
 */
export async function adoptBetterAuth(auth: AdoptableAuth, options: AdoptOptions = {}): Promise<AdoptionResult> {
  const dataSource = dataSourceOf(auth.context.db);
  if (!dataSource.isInitialized) await dataSource.initialize();
  const ops = dialectOps(dataSource);
  const dialect = ops.dialect;
  const schema = getAuthSchema(auth);
  const adopters: Adopter[] = [adoptSessionTokens, ...auth.plugins.flatMap((plugin) => (plugin.adopt ? [plugin.adopt] : []))];
  const plan = async () => [...(await planMigration(schema, dataSource, dialect)), ...(await planMissingIndexes(schema, dataSource, dialect))];
  const log = (line: string) => options.log?.(line);
  const source = (runner: QueryRunner, dryRun: boolean) => ({ from: 'better-auth' as const, secret: auth.context.config.secret, dryRun, rows: sqlAdoptionRows(runner, schema, dialect, { dryRun }) });

  if (options.dryRun) {
    const steps = await plan();
    const runner = dataSource.createQueryRunner();
    try {
      const versions = await missingVersions(runner, dialect);
      const changes: AdoptionChange[] = [];
      for (const adopt of adopters) changes.push(...(await adopt(source(runner, true))));
      return { steps, changes, versions, dryRun: true };
    } finally {
      await runner.release();
    }
  }

  return withMigrationLock(
    dataSource,
    async () => {
      // Planned under the lock: a run that held it before us may have done all of it already.
      const steps = await plan();
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        const transactional = await ops.begin(runner, options.lockTimeoutMs ?? 60_000);
        try {
          for (const [index, step] of steps.entries()) {
            log(`[${index + 1}/${steps.length}] ${describeStep(step)}`);
            for (const statement of step.statements) await runner.query(statement);
          }
          const changes: AdoptionChange[] = [];
          for (const adopt of adopters) changes.push(...(await adopt(source(runner, false))));
          for (const change of changes) log(`${change.count} ${change.what}${change.left ? `; ${change.left} left as they were (${change.leftNote ?? 'unreadable'})` : ''}`);
          const versions = await missingVersions(runner, dialect);
          await runner.query(ops.versionTableDdl);
          for (const version of versions) await runner.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES (${ops.param(1)})`, [version]);
          if (versions.length > 0) log(`recorded ${versions.join(', ')} in ${VERSION_TABLE}`);
          if (transactional) await runner.query('COMMIT');
          return { steps, changes, versions, dryRun: false };
        } catch (error) {
          if (transactional) await runner.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        await runner.release();
      }
    },
    { lockTimeoutMs: options.lockTimeoutMs },
  );
}

/** One line for a planned step, as the CLI prints it. */
export function describeStep(step: MigrationStep): string {
  if (step.kind === 'create-table') return `table ${step.table}`;
  if (step.kind === 'add-column') return `column ${step.table}.${step.column}`;
  return `${step.index!.unique ? 'unique index' : 'index'} ${step.table}(${step.index!.columns.join(', ')})`;
}

/** The shipped versions and the adoption marker that the version table does not hold yet. */
async function missingVersions(runner: QueryRunner, dialect: ReturnType<typeof dialectOps>['dialect']): Promise<string[]> {
  const wanted = [...listMigrations(dialect).map((migration) => migration.version), ADOPTION_VERSION];
  if (!(await runner.hasTable(VERSION_TABLE))) return wanted;
  const recorded = new Set(((await runner.query(`SELECT version FROM ${VERSION_TABLE}`)) as Array<{ version: string }>).map((row) => row.version));
  return wanted.filter((version) => !recorded.has(version));
}

/** The TypeORM DataSource under the auth's adapter (and any hooks around it). */
function dataSourceOf(db: DatabaseAdapter): DataSource {
  let current: unknown = db;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const candidate = current as { dataSource?: DataSource; inner?: unknown };
    if (candidate.dataSource) return candidate.dataSource;
    current = candidate.inner;
  }
  throw new Error('Adopting a better-auth database needs a SQL database: build the auth with `TypeOrmAdapter.connect(url, betterAuthEntities(...))`.');
}
