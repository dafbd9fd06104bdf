import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { EmailPasswordPlugin, MULTI_SESSION_ERRORS, MultiSessionPlugin, OneTimeTokenPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { exampleBackends } from './example-backends';
import { runClientScript } from './run-client-script';
import { serveAuth } from './serve-auth';

// The official client is ESM-only: it runs in a child process (devices-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'devices-client.mjs');

const backends = exampleBackends('devices_client');

describe.each(backends)("better-auth's multiSessionClient and oneTimeTokenClient against our plugins on %s", (_name, open) => {
  const served = serveAuth(async (baseURL) =>
    new BetterAuth({ secret: TEST_SECRET, baseURL, rateLimit: { enabled: false } })
      .database(await open())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new MultiSessionPlugin())
      .plugin(new OneTimeTokenPlugin())
      .build(),
  );

  it('holds two accounts, lists, switches, refuses foreign tokens, revokes, signs out all; hands a session to a second device once', async () => {
    const run = await runClientScript(SCRIPT, served.baseURL);
    if (run.code !== 0) throw new Error(`devices-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      listed: ['bob', 'ada'],
      listedTokensAreRaw: false,
      setActive: { user: true, session: true },
      activeAfterSwitch: true,
      setActiveForeign: { status: 401, code: 'INVALID_SESSION_TOKEN', message: 'Invalid session token' },
      revokeForeign: { status: 401, code: 'INVALID_SESSION_TOKEN', message: 'Invalid session token' },
      strangerStillIn: true,
      revoke: { status: true },
      activeAfterRevoke: true,
      listedAfterRevoke: ['bob'],
      listedAfterSignOut: [],
      signedOut: true,
      bobEnded: true,
      errorCodes: ['INVALID_SESSION_TOKEN'],
      generated: true,
      verified: { user: true, session: true, newSession: true },
      phoneSignedIn: true,
      replay: { status: 400, code: 'INVALID_TOKEN', message: 'Invalid token' },
      desktopAfterPhoneSignOut: true,
      originEnded: { status: 400, code: 'ORIGIN_SESSION_ENDED', message: 'Session not found' },
    });
    expect(Object.keys(MULTI_SESSION_ERRORS)).toEqual(results.errorCodes);
  });
});
