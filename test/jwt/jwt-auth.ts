import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { BetterAuth, type AuthConfig } from 'better-auth-entities';
import { EmailPasswordPlugin, JwtPlugin, SessionManagementPlugin, type JwtOptions } from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { call, ORIGIN, signUp, TEST_SECRET } from '../support/test-auth';

/** Email/password and sessions beside the JWT plugin, on `database`. */
export function makeJwtAuth(database: AppDatabase, jwt: JwtOptions = {}, config: Partial<AuthConfig> = {}) {
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, ...config })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new JwtPlugin(jwt))
    .build();
  const handler = auth.handler;
  return {
    auth,
    handler,
    keyRows: () => auth.context.records('jwks').findMany({}),
    /** `GET /token` with a session cookie. */
    token: async (cookie: string) => {
      const answer = await call(handler, 'GET', '/token', { cookie });
      expect(answer.status).toBe(200);
      return answer.json.token as string;
    },
    jwks: async () => (await call(handler, 'GET', '/jwks')).json as { keys: Array<Record<string, string>> },
    signUp: () => signUp(handler),
  };
}

export type JwtSetup = ReturnType<typeof makeJwtAuth>;

/** The claims of `token` checked with nothing but the key set `jwks` (as a service holding only /jwks would). */
export async function verifyWithKeySet(token: string, jwks: { keys: object[] }, expect: { issuer?: string; audience?: string } = {}): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never), { issuer: expect.issuer ?? ORIGIN, audience: expect.audience ?? ORIGIN });
  return payload;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
