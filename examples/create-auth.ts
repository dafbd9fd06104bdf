import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { appEntities } from './entities';

/** The example app's auth: its own entities on the memory adapter, email/password and session routes. */
export function createAuth(options: { secret?: string; baseURL?: string } = {}) {
  const database = new MemoryDatabaseAdapter(appEntities);
  const auth = new BetterAuth({
    secret: options.secret ?? process.env.AUTH_SECRET ?? 'example-secret-that-is-at-least-32-characters-long',
    baseURL: options.baseURL ?? process.env.BASE_URL ?? 'http://localhost:3000',
  })
    .database(database)
    .plugin(new EmailPasswordPlugin({ enableSignup: true }))
    .plugin(new SessionManagementPlugin())
    .build();
  return { auth, database };
}
