import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { cli, CONFIG } from './cli-harness';

/*
 * Two deploys running `migrate --yes` at once on one fresh database: both plan the same missing tables. Without
 * the migration lock both would create them and the second would fail on "already exists"; with it the second
 * plans again once the first is done and finds nothing left.
 */

let postgres: TestDatabase;
beforeAll(async () => {
  postgres = await createPostgresSchema('migrate-lock');
});
afterAll(async () => {
  await postgres?.drop();
});

it('two migrate runs at once on one PostgreSQL schema both succeed: one applies every change, the other finds them applied, and nothing is left to migrate', async () => {
  const env = { BAE_CLI_DATABASE_URL: postgres.url };
  const runs = await Promise.all([cli(['migrate', '--config', CONFIG, '--yes'], { env }), cli(['migrate', '--config', CONFIG, '--yes'], { env })]);

  expect(runs.map((run) => [run.code, run.err])).toEqual([
    [0, ''],
    [0, ''],
  ]);
  const applied = runs.map((run) => Number(/Applied (\d+) changes/.exec(run.out)?.[1] ?? -1)).sort((a, b) => a - b);
  expect(applied[0]).toBe(0);
  expect(applied[1]).toBeGreaterThan(0);
  const again = await cli(['migrate', '--config', CONFIG, '--yes'], { env });
  expect([again.code, again.out]).toEqual([0, expect.stringContaining('nothing to migrate')]);
});
