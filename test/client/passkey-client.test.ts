import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { EmailPasswordPlugin, PasskeyPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { exampleBackends } from './example-backends';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (passkey-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'passkey-client.mjs');

const backends = exampleBackends('passkey_client');

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
