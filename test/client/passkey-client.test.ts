import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { EmailPasswordPlugin, PasskeyPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { openDatabase } from '../../examples/open-database';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (passkey-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'passkey-client.mjs');

let postgres: TestDatabase | undefined;
let adapter: TypeOrmAdapter<any, any, any, any, any, any, any> | undefined;
afterAll(async () => {
  await adapter?.close();
  await postgres?.drop();
});

const backends: Array<[string, () => Promise<AppDatabase>]> = [
  ['memory', async () => new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase],
  [
    'PostgreSQL',
    async () => {
      postgres = await createPostgresSchema('passkey_client');
      adapter = (await openDatabase([], { DATABASE_URL: postgres.url })).database as unknown as TypeOrmAdapter<any, any, any, any, any, any, any>;
      return adapter as unknown as AppDatabase;
    },
  ],
];

describe.each(backends)("better-auth's passkeyClient against our passkey plugin on %s", (_name, open) => {
  const served = serveAuth(async (baseURL) =>
    new BetterAuth({ secret: TEST_SECRET, baseURL })
      .database(await open())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new PasskeyPlugin())
      .build(),
  );

  it('adds a passkey, is refused a second one of the same authenticator, signs out and in with it, renames and deletes it; a deleted passkey signs in no more', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`passkey-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      signUp: true,
      added: { error: null, name: 'Node', deviceType: 'singleDevice', transports: 'internal' },
      again: { status: 400, code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' },
      listed: ['Node'],
      signOut: { success: true },
      sessionAfterSignOut: null,
      signIn: { error: null, email: expect.stringMatching(/^passkey-/), session: true },
      session: true,
      renamed: 'Renamed',
      deleted: { status: true },
      afterDelete: [],
      signInWithDeleted: { status: 401, code: 'PASSKEY_NOT_FOUND' },
    });
  });
});
