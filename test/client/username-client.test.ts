import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import { EmailPasswordPlugin, SessionManagementPlugin, USERNAME_ERRORS, UsernamePlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { runClientScript } from './run-client-script';

// The official client is ESM-only: it runs in a child process against this listening server (see official-client.test.ts).
const SCRIPT = path.join(__dirname, 'username-client.mjs');

const runClient = (baseURL: string) => runClientScript(SCRIPT, baseURL);

describe("better-auth's usernameClient against our username plugin", () => {
  let server: Server;
  let baseURL: string;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new UsernamePlugin())
      .build();
    server.on('request', toNodeHandler(auth));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('checks availability, signs up with a username, signs in by username and reads the session', async () => {
    const run = await runClient(baseURL);
    if (run.code !== 0) throw new Error(`username-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      signUp: { username: expect.stringMatching(/^ada_[0-9a-f]{8}$/), displayUsername: expect.stringMatching(/^Ada_[0-9a-f]{8}$/) },
      takenAfterSignUp: false,
      tooShort: { status: 400, code: 'USERNAME_TOO_SHORT' },
      wrongPassword: { status: 401, code: 'INVALID_USERNAME_OR_PASSWORD' },
      signIn: { token: true, redirect: false, userId: true },
      session: { username: results.signUp.username, signedIn: true },
      errorCodes: expect.any(Array),
    });
    // Every code our plugin declares is one the client plugin knows by that name.
    expect(results.errorCodes).toEqual(expect.arrayContaining(Object.keys(USERNAME_ERRORS)));
  });
});
