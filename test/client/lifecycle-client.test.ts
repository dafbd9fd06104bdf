import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import {
  AccountManagementPlugin,
  EmailPasswordPlugin,
  EmailVerificationPlugin,
  MemoryEmailSender,
  PasswordManagementPlugin,
  SessionManagementPlugin,
  UserPlugin,
} from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { TEST_SECRET } from '../support/test-auth';
import { LastEmailPlugin } from './last-email-plugin';

// The official client is ESM-only, so it runs in a child process (lifecycle-client.mjs) against this server.
const SCRIPT = path.join(__dirname, 'lifecycle-client.mjs');

describe('the official better-auth client on the account-lifecycle routes', () => {
  let server: Server;
  let baseURL: string;
  const mail = new MemoryEmailSender();

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL, emailSender: mail })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new PasswordManagementPlugin())
      .plugin(new AccountManagementPlugin())
      .plugin(new EmailVerificationPlugin())
      .plugin(new UserPlugin())
      .plugin(new LastEmailPlugin(mail))
      .build();
    server.on('request', toNodeHandler(auth));
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('resets and changes the password, lists and refuses to unlink the last account, updates the user, verifies and changes the email, and deletes the user', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [SCRIPT], { env: { ...process.env, BASE_URL: baseURL }, timeout: 25_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    if (run.code !== 0) throw new Error(`lifecycle-client.mjs failed\nstderr: ${run.stderr}\nstdout: ${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());

    expect(results).toMatchObject({
      resetPassword: true,
      reusedToken: 'INVALID_TOKEN',
      changePassword: { token: true, wrongCurrent: 'INVALID_PASSWORD' },
      listAccounts: ['credential'],
      unlinkLast: 'FAILED_TO_UNLINK_LAST_ACCOUNT',
      updatedName: 'Rear Admiral Hopper',
      verifyEmail: true,
      changedEmail: true,
      deleteUser: 'User deleted',
      afterDelete: 'null',
    });
    // The client chose these paths and methods itself: our route table must answer them.
    expect(results.requests).toEqual(
      expect.arrayContaining([
        'POST /api/auth/request-password-reset',
        'POST /api/auth/reset-password',
        'POST /api/auth/change-password',
        'GET /api/auth/list-accounts',
        'POST /api/auth/unlink-account',
        'POST /api/auth/update-user',
        'POST /api/auth/send-verification-email',
        'GET /api/auth/verify-email',
        'POST /api/auth/change-email',
        'POST /api/auth/delete-user',
      ]),
    );
  });
});
