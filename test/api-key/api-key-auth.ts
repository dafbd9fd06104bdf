import { BetterAuth } from 'better-auth-entities';
import { ApiKeyPlugin, EmailPasswordPlugin, SessionManagementPlugin, apiKeyModel, type ApiKeyOptions } from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { call, ORIGIN, signUp, TEST_SECRET, type CallOptions } from '../support/test-auth';

/** Email/password and sessions with API keys (sessions for keys and metadata on unless `options` says otherwise). */
export function makeApiKeyAuth(database: AppDatabase, options: ApiKeyOptions = {}) {
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true, enableMetadata: true, ...options }))
    .build();
  const keys = () => auth.context.records(apiKeyModel);
  const send = (method: string, path: string, options: CallOptions = {}) => call(auth.handler, method, path, options);
  /** A request authenticated by `key` alone (no cookie, no Origin: a script). */
  const withKey = (key: string, method: string, path: string, options: CallOptions = {}) =>
    send(method, path, { origin: null, ...options, headers: { ...options.headers, 'x-api-key': key } });
  return { auth, database, keys, send, withKey };
}

export type ApiKeySetup = ReturnType<typeof makeApiKeyAuth>;

/** A signed-up user with its cookie and id. */
export async function signedUpUser(s: ApiKeySetup) {
  const user = await signUp(s.auth.handler);
  return { ...user, userId: String(user.user.id) };
}
