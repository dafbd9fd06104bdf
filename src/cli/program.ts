import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { SQL_DIALECTS } from '../schema/sql/dialect-sql';
import { CliError, type CliIo } from './cli-io';
import { adoptCommand } from './adopt-command';
import { generateCommand } from './generate-command';
import { migrateCommand } from './migrate-command';
import { packageRoot } from './package-root';

/**
 * Runs the `better-auth-entities` CLI on `argv` (without `node` and the script) and resolves to the exit code:
 * 0 on success, 1 on any failure (bad config path, unreachable database, unsupported dialect, declined prompt).
 * @example
 * await runCli(['generate', '--config', 'auth.config.ts', '--dialect', 'postgres'], processIo()); // 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command('better-auth-entities')
    .description('Schema tools for better-auth-entities: generate SQL or TypeORM migrations from your entities, and migrate a database.')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('generate')
    .description("Write the auth schema (core tables, custom columns and names, plugin tables) as SQL DDL or a TypeORM migration.")
    .requiredOption('-c, --config <file>', 'a file exporting your auth (`export const auth = ...build()`)')
    .addOption(new Option('-d, --dialect <dialect>', 'the SQL dialect').choices([...SQL_DIALECTS]).makeOptionMandatory())
    .addOption(new Option('-f, --format <format>', 'SQL DDL or a TypeORM migration class').choices(['sql', 'typeorm']).default('sql'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (options) => {
      code = await generateCommand(options, io);
    });

  program
    .command('migrate')
    .description('Add the tables and columns the database lacks (asks first; never drops or rewrites data).')
    .requiredOption('-c, --config <file>', "a file exporting your auth, built on TypeORM's adapter")
    .option('-y, --yes', 'apply without asking')
    .addOption(new Option('--from <library>', 'adopt, in place, a database another auth library made and fills (see README, "Moving from Better Auth")').choices(['better-auth']))
    .option('--dry-run', 'with --from: print what would be added and converted, change nothing')
    .action(async (options: { config: string; yes?: boolean; from?: string; dryRun?: boolean }) => {
      if (options.dryRun && !options.from) throw new CliError('--dry-run goes with --from better-auth (a plain migrate lists its plan and asks before applying).');
      code = options.from ? await adoptCommand(options, io) : await migrateCommand(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      io.err(`error: ${error.message}`);
      return error.exitCode;
    }
    io.err(`error: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}

/** Our own version, read from the manifest (not imported: a JSON import would move dist's layout). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
