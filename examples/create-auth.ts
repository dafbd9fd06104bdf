import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { appEntities, type AppAccount, type AppInvitation, type AppMember, type AppOrganization, type AppSession, type AppUser, type AppVerification } from './entities';

/** The example app's storage, on any adapter: its seven classes are what every read returns. */
export type AppDatabase = DatabaseAdapter<AppUser, AppSession, AppAccount, AppOrganization, AppMember, AppInvitation, AppVerification>;

/** The example app's auth: its own entities (on the memory adapter unless given another), email/password and sessions. */
export function createAuth(options: { secret?: string; baseURL?: string; database?: AppDatabase } = {}) {
  const database: AppDatabase = options.database ?? new MemoryDatabaseAdapter(appEntities);
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
