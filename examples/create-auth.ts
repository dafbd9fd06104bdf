import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { AccountManagementPlugin, EmailPasswordPlugin, SessionManagementPlugin, SocialSignInPlugin } from 'better-auth-entities/plugins';
import { socialProviderFromEnv } from './social-provider';
import { appEntities, type AppAccount, type AppInvitation, type AppMember, type AppOrganization, type AppSession, type AppUser, type AppVerification } from './entities';

/** The example app's storage, on any adapter: its seven classes are what every read returns. */
export type AppDatabase = DatabaseAdapter<AppUser, AppSession, AppAccount, AppOrganization, AppMember, AppInvitation, AppVerification>;

/**
 * The example app's auth: its own entities (on the memory adapter unless given another), email/password and
 * sessions; plus social sign-in and linked accounts when the environment names a provider (social-provider.ts).
 */
export function createAuth(options: { secret?: string; baseURL?: string; database?: AppDatabase; env?: NodeJS.ProcessEnv } = {}) {
  const env = options.env ?? process.env;
  const database: AppDatabase = options.database ?? new MemoryDatabaseAdapter(appEntities);
  const builder = new BetterAuth({
    secret: options.secret ?? env.AUTH_SECRET ?? 'example-secret-that-is-at-least-32-characters-long',
    baseURL: options.baseURL ?? env.BASE_URL ?? 'http://localhost:3000',
  })
    .database(database)
    .plugin(new EmailPasswordPlugin({ enableSignup: true }))
    .plugin(new SessionManagementPlugin());
  const provider = socialProviderFromEnv(env);
  if (provider) builder.plugin(new SocialSignInPlugin({ providers: [provider] })).plugin(new AccountManagementPlugin());
  const auth = builder.build();
  return { auth, database };
}
