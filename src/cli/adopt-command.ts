import type { AdoptionChange } from '../core/adoption';
import { CliError, type CliIo } from './cli-io';
import { dataSourceOf, loadAuth } from './load-config';

export interface AdoptCommandOptions {
  config: string;
  dryRun?: boolean;
  yes?: boolean;
}

/**
 * `migrate --from better-auth`: adopts the database better-auth made, in place. Prints the plan (tables,
 * columns and indexes to add; rows to convert; versions to record), then asks (unless `--yes`) and applies
 * it in one transaction where the dialect allows. `--dry-run` prints the plan and changes nothing. The config's
 * auth must use better-auth's names (`betterAuthEntities`) and its secret. Nothing secret is ever printed:
 * only counts.
 */
export async function adoptCommand(options: AdoptCommandOptions, io: CliIo): Promise<number> {
  const auth = await loadAuth(options.config, io.cwd);
  try {
    if (!dataSourceOf(auth)) {
      throw new CliError('migrate --from better-auth needs the SQL database better-auth uses: build the auth with `await TypeOrmAdapter.connect(url, betterAuthEntities(...))`.');
    }
    // Loaded here, not at the top: `generate` and `--help` share this module graph and must run without typeorm.
    const { adoptBetterAuth, describeStep } = await import('../../migrations/adopt-better-auth');
    const plan = await adoptBetterAuth(auth, { dryRun: true });
    io.out('Adopting a better-auth database. The plan:');
    if (plan.steps.length === 0) io.out('  schema: nothing to add');
    for (const step of plan.steps) io.out(`  + ${describeStep(step)}`);
    for (const step of plan.steps) if (step.note) io.out(`  note: ${step.note}`);
    for (const change of plan.changes) io.out(`  ~ ${describeChange(change)}`);
    if (plan.versions.length > 0) io.out(`  + record ${plan.versions.join(', ')} as applied in better_auth_migrations`);
    const work = plan.steps.length + plan.versions.length + plan.changes.reduce((sum, change) => sum + change.count, 0);
    if (work === 0) {
      io.out('This database is adopted already: nothing to do.');
      return 0;
    }
    if (options.dryRun) {
      io.out('Dry run: nothing was changed.');
      return 0;
    }
    if (!options.yes) {
      if (!io.interactive) throw new CliError('Not applied: no terminal to ask on. Run again with --yes to adopt the database.');
      if (!(await io.confirm('Adopt this database now? (stop better-auth first)'))) {
        io.out('Nothing applied.');
        return 1;
      }
    }
    const done = await adoptBetterAuth(auth, { log: (line) => io.out(line) });
    io.out(`Adopted: ${done.steps.length} schema changes, ${done.changes.reduce((sum, change) => sum + change.count, 0)} rows converted.`);
    return 0;
  } finally {
    await auth.context.db.close();
  }
}

function describeChange(change: AdoptionChange): string {
  const left = change.left ? `; ${change.left} cannot be read and stay as they are (${change.leftNote ?? 'unreadable'})` : '';
  return `${change.count} ${change.what}${left}`;
}
