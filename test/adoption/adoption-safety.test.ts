import type { AdoptionSource } from '../../src/core/adoption';
import type { AuthPlugin } from '../../src/plugins/auth-plugin';
import { adoptBetterAuth } from '../../migrations/adopt-better-auth';
import { runMigrations } from '../../migrations/run-migrations';
import { auth as adoptedAuth } from './fixtures/adopt.config';
import { adoptionEnv, fillTarget, postgresBackend, runFill, sqliteBackend } from './filled-database';

/** A plugin whose part of the adoption fails once the engine has converted the session tokens: a fault mid-run. */
function failingAdoption(): AuthPlugin {
  return {
    id: 'failing-adoption',
    routes: () => [],
    adopt: async ({ rows }: AdoptionSource) => {
      for await (const row of rows.scan('session', ['token'])) if (row.token) throw new Error('the database went away mid-adoption');
      return [];
    },
  };
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
] as const)('adoptBetterAuth on %s: all or nothing, once', (_name, makeBackend) => {
  jest.setTimeout(120_000);
  const backend = makeBackend();
  const opened: Array<{ close(): Promise<void>; context: { db: { close(): Promise<void> } } }> = [];
  const build = async (extra: AuthPlugin[] = []) => {
    Object.assign(process.env, adoptionEnv(backend));
    const auth = await adoptedAuth('http://127.0.0.1:3000', extra);
    opened.push(auth);
    return auth;
  };

  beforeAll(async () => {
    await backend.setUp();
    await runFill(fillTarget(backend));
  }, 120_000);
  afterAll(async () => {
    for (const auth of opened) await auth.context.db.close();
    await backend.tearDown();
  });

  it('a fault mid-adoption leaves the database exactly as better-auth left it (schema, tokens, no version table)', async () => {
    const schema = await backend.schema();
    const tokens = await backend.query('SELECT id, token FROM "session" ORDER BY id');
    await expect(adoptBetterAuth(await build([failingAdoption()]))).rejects.toThrow('the database went away mid-adoption');
    expect(await backend.schema()).toEqual(schema);
    expect(await backend.query('SELECT id, token FROM "session" ORDER BY id')).toEqual(tokens);
  });

  it('two adoptions at once (two connections): one does the work, the other finds it done', async () => {
    const [first, second] = await Promise.all([adoptBetterAuth(await build()), adoptBetterAuth(await build())]);
    const converted = (result: typeof first) => result.changes.find((change) => change.what.startsWith('session tokens'))!.count;
    expect([first.steps.length > 0, second.steps.length > 0].sort()).toEqual([false, true]);
    expect(converted(first) + converted(second)).toBe(5);
    expect(first.versions.length + second.versions.length).toBe(first.versions.length || second.versions.length);
    for (const row of await backend.query('SELECT token FROM "session"')) expect(String(row.token)).toMatch(/^[0-9a-f]{64}$/);
    const versions = await backend.query('SELECT version FROM better_auth_migrations');
    expect(versions.map((row) => row.version)).toContain('adopted_from_better_auth');
  });

  it('runMigrations afterwards applies nothing: it does not create tables of its own names beside better-auth\'s', async () => {
    const result = await runMigrations(backend.url());
    expect(result.applied).toEqual([]);
    expect(result.skipped.length).toBeGreaterThanOrEqual(5);
  });

  it('the dry run after adoption plans nothing at all', async () => {
    const plan = await adoptBetterAuth(await build(), { dryRun: true });
    expect(plan.steps).toEqual([]);
    expect(plan.versions).toEqual([]);
    expect(plan.changes.every((change) => change.count === 0)).toBe(true);
  });
});
