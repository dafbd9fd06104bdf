/**
 * @simplewebauthn/server (with its X.509 and ASN.1 stack) is loaded on the first ceremony, not when the plugins
 * are imported or the auth is built. The module is replaced by one that records each load; the library is
 * required inside `jest.isolateModules`, so every test sees its own first load.
 */
const webAuthnLoads: string[] = [];
jest.mock('@simplewebauthn/server', () => {
  webAuthnLoads.push('@simplewebauthn/server');
  return jest.requireActual('@simplewebauthn/server');
});

type Built = { handler(request: Request): Promise<Response> };

function buildAuthWithPasskeys(): Built {
  let auth: Built | undefined;
  jest.isolateModules(() => {
    const { BetterAuth } = require('better-auth-entities') as typeof import('better-auth-entities');
    const { MemoryDatabaseAdapter } = require('better-auth-entities/adapters') as typeof import('better-auth-entities/adapters');
    const { EmailPasswordPlugin, PasskeyPlugin } = require('better-auth-entities/plugins') as typeof import('better-auth-entities/plugins');
    auth = new BetterAuth({ secret: 'a-lazy-load-test-secret-of-32-characters!', baseURL: 'http://localhost:3000' })
      .database(new MemoryDatabaseAdapter({}))
      .plugin(new EmailPasswordPlugin())
      .plugin(new PasskeyPlugin())
      .build();
  });
  return auth!;
}

describe('the WebAuthn library is loaded on the first ceremony', () => {
  beforeEach(() => {
    webAuthnLoads.length = 0;
  });

  it('is not loaded by importing the plugins and building an auth with the passkey plugin', () => {
    buildAuthWithPasskeys();
    expect(webAuthnLoads).toEqual([]);
  });

  it('is loaded once, when a ceremony starts', async () => {
    const auth = buildAuthWithPasskeys();
    const options = () => auth.handler(new Request('http://localhost:3000/api/auth/passkey/generate-authenticate-options'));
    expect((await options()).status).toBe(200);
    expect((await options()).status).toBe(200);
    expect(webAuthnLoads).toEqual(['@simplewebauthn/server']);
  });
});
