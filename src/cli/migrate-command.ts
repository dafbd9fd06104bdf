import { dialectOf } from '../../adapters/typeorm/dialect';
import { getAuthSchema } from '../schema/get-auth-schema';
import { applyMigration, planMigration, type MigrationStep } from '../schema/migration-plan';
import { CliError, type CliIo } from './cli-io';
import { dataSourceOf, loadAuth } from './load-config';

export interface MigrateOptions {
  config: string;
  yes?: boolean;
}

/**
 * `migrate`: compares the database of the config's TypeORM adapter with the auth schema, lists the missing
 * tables and columns, asks (unless `--yes`), and adds them in one transaction where the dialect allows.
 * Never drops, alters or rewrites anything that exists; running it again finds nothing to do. The changes are
 * applied under the lock `runMigrations` takes, so two runs at once (two deploys) apply each change once.
 */
export async function migrateCommand(options: MigrateOptions, io: CliIo): Promise<number> {
  const auth = await loadAuth(options.config, io.cwd);
  try {
    const dataSource = dataSourceOf(auth);
    if (!dataSource) {
      throw new CliError('migrate needs a SQL database, and the config\'s auth uses the memory adapter: build it with `await TypeOrmAdapter.connect(url, entities)`.');
    }
    const dialect = dialectOf(dataSource);
    const schema = getAuthSchema(auth);
    io.out(`Comparing the ${dialect} database with the auth schema (${schema.tables.length} tables)…`);
    const steps = await planMigration(schema, dataSource, dialect);
    if (steps.length === 0) {
      io.out('The database is up to date: nothing to migrate.');
      return 0;
    }
    io.out(`Missing (${steps.length}):`);
    for (const step of steps) io.out(`  + ${describe(step)}`);
    for (const step of steps) if (step.note) io.out(`  note: ${step.note}`);
    if (!options.yes) {
      if (!io.interactive) throw new CliError('Not applied: no terminal to ask on. Run again with --yes to apply these changes.');
      if (!(await io.confirm(`Apply these ${steps.length} changes?`))) {
        io.out('Nothing applied.');
        return 1;
      }
    }
    // Planned again under the migration lock: another `migrate` or `runMigrations` may have added some meanwhile,
    // and creating them twice would fail. Only what was shown (and confirmed) is applied.
    const shown = new Set(steps.map(describe));
    // Loaded here, not at the top: `generate` and `--help` share this module graph and must run without typeorm.
    const { withMigrationLock } = await import('../../migrations/run-migrations');
    const applied = await withMigrationLock(dataSource, async () => {
      const pending = (await planMigration(schema, dataSource, dialect)).filter((step) => shown.has(describe(step)));
      await applyMigration(dataSource, dialect, pending, (step, index) => io.out(`[${index + 1}/${pending.length}] ${describe(step)}`));
      return pending.length;
    });
    if (applied < steps.length) io.out(`${steps.length - applied} of them were added meanwhile by another run.`);
    io.out(`Applied ${applied} changes${dialect === 'mysql' ? '' : ' in one transaction'}.`);
    return 0;
  } finally {
    await auth.context.db.close();
  }
}

function describe(step: MigrationStep): string {
  return step.kind === 'create-table' ? `table ${step.table}` : `column ${step.table}.${step.column}`;
}
