import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { ApiKeyPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { exampleBackends } from './example-backends';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (api-key-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'api-key-client.mjs');

const backends = exampleBackends('api_key_client');

describe.each(backends)("better-auth's apiKeyClient against our API-key plugin on %s", (_name, open) => {
  const served = serveAuth(async (baseURL) =>
    new BetterAuth({ secret: TEST_SECRET, baseURL })
      .database(await open())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true, enableMetadata: true }))
      .build(),
  );

  it('creates, lists, gets, renames and deletes a key; a request with only the key runs as its owner, mints nothing, and stops with the key', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`api-key-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      created: { error: null, keyShape: true, name: 'ci', start: true, metadata: { team: 'ops' } },
      listed: { total: 1, names: ['ci'], carriesKey: false },
      got: { name: 'ci', carriesKey: false },
      updated: 'renamed',
      serverOnly: { status: 400, code: 'SERVER_ONLY_PROPERTY' },
      keySession: { email: true, echoesKey: false },
      keyCannotMint: { status: 403, code: 'API_KEY_CANNOT_MANAGE_API_KEYS' },
      deleted: { success: true },
      afterDelete: 0,
      deletedKeySession: { status: 401, code: 'INVALID_API_KEY' },
      errorCodes: true,
    });
  });
});
