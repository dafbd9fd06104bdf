import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { BetterAuth, type Auth } from 'better-auth-entities';
import { toNodeHandler } from 'better-auth-entities/node';
import { EmailPasswordPlugin, JwtPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TEST_SECRET } from '../support/test-auth';
import { exampleBackends } from './example-backends';
import { runClientScript } from './run-client-script';

// The official client is ESM-only: it runs in a child process (jwt-client.mjs) against this listening server.
const SCRIPT = path.join(__dirname, 'jwt-client.mjs');

const backends = exampleBackends('jwt_client');

describe.each(backends)("better-auth's jwtClient against our JwtPlugin on %s", (_name, open) => {
  // Served here rather than by serveAuth: the test records every path the server is asked for.
  const requested: string[] = [];
  let server: Server;
  let baseURL = '';
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const auth: Auth<object, object, object> = new BetterAuth({ secret: TEST_SECRET, baseURL })
      .database(await open())
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new JwtPlugin())
      .build();
    const handle = toNodeHandler(auth);
    server.on('request', (request, response) => {
      requested.push(`${request.method} ${request.url}`);
      void handle(request, response);
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('token(), jwks() and set-auth-jwt on getSession; the JWTs verify; a JWT as Bearer opens no session', async () => {
    const run = await runClientScript(SCRIPT, baseURL);
    if (run.code !== 0) throw new Error(`jwt-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    const results = JSON.parse(run.stdout.trim());
    expect(results).toEqual({
      signedOutToken: { status: 401, code: 'UNAUTHORIZED' },
      jwks: [{ kid: 'string', alg: 'EdDSA', kty: 'OKP', crv: 'Ed25519', private: false }],
      tokenClaims: { sub: true, email: true, lifetime: 900 },
      headerClaims: { sub: true, email: true },
      sameKey: true,
      jwtAsBearer: null,
      tokens: [expect.any(String), expect.any(String)],
    });

    // A service holding only the JWKS URL: jose fetches /jwks and nothing else of ours.
    requested.length = 0;
    const keySet = createRemoteJWKSet(new URL(`${baseURL}/api/auth/jwks`));
    for (const token of results.tokens as string[]) {
      const { payload } = await jwtVerify(token, keySet, { issuer: baseURL, audience: baseURL });
      expect(payload.sub).toEqual(expect.any(String));
    }
    expect(requested).toEqual(['GET /api/auth/jwks']);
  });
});
