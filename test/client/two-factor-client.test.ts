import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'two-factor-client.mjs');

describe("better-auth's twoFactorClient against our two-factor plugin", () => {
  function build(url: string) {
    return new BetterAuth({ secret: TEST_SECRET, baseURL: url })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new TwoFactorPlugin({ issuer: 'Acme' }))
      .build();
  }

  const served = serveAuth(build);

  it('enable → verify → sign in → pending → wrong code → right code; a backup code once; a trusted device signs in without the second factor', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`two-factor-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      enabled: { uri: true, backupCodes: 10 },
      twoFactorEnabled: { beforeVerify: false, afterVerify: true },
      pending: { twoFactorRedirect: true, twoFactorMethods: ['totp'] },
      redirectMethods: ['totp'],
      sessionWhilePending: null,
      wrong: { status: 401, code: 'INVALID_CODE' },
      right: { token: true, email: true },
      sessionAfter: true,
      backupOnce: true,
      backupTwice: { status: 401, code: 'INVALID_BACKUP_CODE' },
      trustedSignIn: { token: true, redirect: false, asked: 0 },
      sessionOfTrusted: true,
      errorCodes: expect.any(Array),
    });
    // Every code the client plugin knows is one this instance answers with the same name.
    expect((results.errorCodes as string[]).filter((code) => !served.auth.context.errors.get(code))).toEqual([]);
    expect(results.errorCodes.length).toBeGreaterThan(10);
  });
});
