import type { BeforeHookResult, DatabaseHookContext, DatabaseHooks, HookData, HookedKind, ModelHooks } from './database-hooks';

type Operation = keyof ModelHooks;
const KINDS: readonly HookedKind[] = ['user', 'session', 'account', 'verification'];
const OPERATIONS: readonly Operation[] = ['create', 'update', 'delete'];

/**
 * The app's database hooks and the plugins' as one set, in order (the app's first). `before` hooks run one
 * after another, each seeing the data as the previous ones changed it; the first `false` aborts. `after`
 * hooks all run. `undefined` when nobody declared any, so the adapter is not wrapped for nothing.
 */
export function mergeDatabaseHooks(sets: ReadonlyArray<DatabaseHooks | undefined>): DatabaseHooks | undefined {
  const present = sets.filter((set): set is DatabaseHooks => set !== undefined);
  if (present.length <= 1) return present[0];
  const merged: DatabaseHooks = {};
  for (const kind of KINDS) {
    const model: ModelHooks = {};
    for (const operation of OPERATIONS) {
      const befores = present.flatMap((set) => (set[kind]?.[operation]?.before ? [set[kind]![operation]!.before!] : []));
      const afters = present.flatMap((set) => (set[kind]?.[operation]?.after ? [set[kind]![operation]!.after!] : []));
      if (befores.length === 0 && afters.length === 0) continue;
      model[operation] = {
        ...(befores.length > 0 ? { before: chainBefore(befores) } : {}),
        ...(afters.length > 0 ? { after: chainAfter(afters) } : {}),
      } as never;
    }
    if (Object.keys(model).length > 0) merged[kind] = model;
  }
  return merged;
}

type Before = (data: HookData, context: DatabaseHookContext) => BeforeHookResult | Promise<BeforeHookResult>;

function chainBefore(hooks: Before[]): Before {
  return async (data, context) => {
    let current = data;
    let changed: Record<string, unknown> | undefined;
    for (const hook of hooks) {
      const result = await hook(current, context);
      if (result === false) return false;
      if (result && 'data' in result) {
        changed = { ...changed, ...result.data };
        current = { ...current, ...result.data };
      }
    }
    return changed ? { data: changed } : undefined;
  };
}

function chainAfter(hooks: Array<(record: HookData, context: DatabaseHookContext) => void | Promise<void>>) {
  return async (record: HookData, context: DatabaseHookContext) => {
    for (const hook of hooks) await hook(record, context);
  };
}
