import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { AuthContext } from '../core/auth-context';
import { HookedDatabaseAdapter } from '../core/hooked-database-adapter';
import type { AuthPlugin } from '../plugins/auth-plugin';
import { CliError } from './cli-io';
import { loadConfigModule } from './config-module';
import { loadErrorCause } from './load-error';

/** What the CLI needs of the config's auth: the context (adapter, models) and the plugins. */
export interface LoadedAuth {
  readonly context: AuthContext;
  readonly plugins: readonly AuthPlugin[];
}

/**
 * Loads the auth a config file exports: `export const auth = …`, `export default auth`, or either as a
 * function or promise returning it (so a config can connect lazily). TypeScript configs compile with the CLI's
 * own SWC loader (`loadConfigModule`), never the app's ts-node or TypeScript.
 * @example
 * // auth.config.ts
 * export const auth = new BetterAuth({ secret }).database(await TypeOrmAdapter.connect(url, entities)).build();
 */
export async function loadAuth(file: string, cwd: string): Promise<LoadedAuth> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  if (!existsSync(path)) throw new CliError(`Config file not found: ${path}. Pass --config <file> exporting your auth.`);
  let exported: unknown;
  try {
    const module = await loadConfigModule(path);
    exported = module.auth ?? module.default;
    if (exported && typeof exported === 'object' && 'auth' in exported && !isAuth(exported)) exported = (exported as { auth: unknown }).auth;
    if (typeof exported === 'function') exported = (exported as () => unknown)();
    exported = await exported;
  } catch (error) {
    throw new CliError(`Could not load ${path}: ${loadErrorCause(error)}`);
  }
  if (!isAuth(exported)) throw new CliError(`${path} does not export an auth: add \`export const auth = new BetterAuth({...}).database(...).build()\`.`);
  return exported;
}

function isAuth(value: unknown): value is LoadedAuth {
  return typeof value === 'object' && value !== null && 'context' in value && 'plugins' in value && Array.isArray((value as LoadedAuth).plugins);
}

/** The adapter under any hooks. */
export function baseAdapter(auth: LoadedAuth): DatabaseAdapter {
  const db = auth.context.db;
  return db instanceof HookedDatabaseAdapter ? db.inner : db;
}

/** The TypeORM DataSource of the auth's adapter, or `null` for the memory adapter. */
export function dataSourceOf(auth: LoadedAuth): DataSource | null {
  const db = baseAdapter(auth) as Partial<{ dataSource: DataSource }>;
  return db.dataSource ?? null;
}
