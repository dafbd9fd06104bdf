import { ACCOUNT_FAILURE_MODEL, ACCOUNT_FAILURE_TABLE } from '../core/account-failure-limit';
import type { PluginDeclarations } from '../core/plugin-declarations';
import type { PluginTable } from './auth-schema';

/** Record tables the engine itself keeps, whatever the plugins: the per-account failure counters. */
export const ENGINE_RECORDS: Pick<PluginDeclarations, 'id' | 'schema'> = {
  id: 'account-failure-limit',
  schema: { tables: { [ACCOUNT_FAILURE_MODEL]: ACCOUNT_FAILURE_TABLE } },
};

/** The model names of the core kinds: a plugin table under one of them adds fields to that kind's table. */
export const KIND_MODELS: readonly string[] = ['user', 'session', 'account', 'verification', 'organization', 'member', 'invitation'];

/** One table a plugin (or the engine) declared under a model name of its own. */
export interface DeclaredTable {
  readonly owner: string;
  readonly model: string;
  readonly table: PluginTable;
}

/**
 * Every table of its own the engine and the plugins declare, in declaration order (fields added to core kinds
 * left out): what plugin records, record classes and the schema tools start from.
 * @example
 * declaredTables(auth.plugins).map((entry) => entry.model); // ['accountFailure', 'twoFactor']
 */
export function declaredTables(plugins: ReadonlyArray<Pick<PluginDeclarations, 'id' | 'schema'>>): DeclaredTable[] {
  const tables: DeclaredTable[] = [];
  for (const plugin of [ENGINE_RECORDS, ...plugins]) {
    for (const [model, table] of Object.entries(plugin.schema?.tables ?? {})) {
      if (!KIND_MODELS.includes(model)) tables.push({ owner: plugin.id, model, table });
    }
  }
  return tables;
}
