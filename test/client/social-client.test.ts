import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import { AccountManagementPlugin, EmailPasswordPlugin, oidcProvider, SessionManagementPlugin, SocialSignInPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { startServer, type RunningServer } from '../social/servers/start-server';
import { OIDC_CLIENT } from '../social/social-setup';
import { runClientScript } from './run-client-script';

// The official client (ESM-only) runs in a child process against this listening server and a real oidc-provider.
const SCRIPT = path.join(__dirname, 'social-client.mjs');

describe("better-auth's client against our social sign-in plugin", () => {
  let server: Server;
  let baseURL: string;
  let oidc: RunningServer;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    oidc = await startServer('oidc-server.mjs', { REDIRECT_URIS: `${baseURL}/api/auth/callback/oidc` });
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL })
      .database(new MemoryDatabaseAdapter())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new AccountManagementPlugin())
      .plugin(new SocialSignInPlugin({ providers: [oidcProvider({ id: 'oidc', issuer: oidc.url, ...OIDC_CLIENT, allowInsecureRequests: true })] }))
      .build();
    server.on('request', toNodeHandler(auth));
  });

  afterAll(async () => {
    await oidc.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('signIn.social, the callback, listAccounts, getAccessToken, refreshToken and linkSocial work unchanged', async () => {
    const run = await runClientScript(SCRIPT, baseURL, [], { OIDC_ISSUER: oidc.url });
    if (run.code !== 0) throw new Error(`social-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      unknownProvider: { status: 404, code: 'PROVIDER_NOT_FOUND' },
      started: { redirect: false, providerOrigin: oidc.url },
      session: { email: expect.stringMatching(/^client-.*@example\.com$/), name: 'Client Ada' },
      accounts: ['accountId,createdAt,id,providerId,scopes,updatedAt,userId|oidc'],
      accessToken: { isString: true, scopes: expect.arrayContaining(['openid', 'email', 'profile']) },
      refreshed: { changed: true, providerId: 'oidc' },
      linked: ['credential', 'oidc'],
    });
  });
});
