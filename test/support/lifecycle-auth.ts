import { BetterAuth, type AuthConfig } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { EntityClass } from 'better-auth-entities/entities';
import {
  AccountManagementPlugin,
  EmailPasswordPlugin,
  EmailVerificationPlugin,
  MemoryEmailSender,
  PasswordManagementPlugin,
  SessionManagementPlugin,
  UserPlugin,
  type AccountManagementOptions,
  type EmailPasswordOptions,
  type EmailVerificationOptions,
  type PasswordManagementOptions,
  type UserPluginOptions,
} from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities, type AppUser } from '../../examples/entities';
import { ORIGIN, TEST_SECRET } from './test-auth';

export interface LifecycleAuthOptions {
  config?: Partial<AuthConfig>;
  /** Replaces the example's user class. */
  userClass?: EntityClass<object>;
  emailPassword?: EmailPasswordOptions;
  passwordManagement?: PasswordManagementOptions;
  accountManagement?: AccountManagementOptions;
  /** `false` leaves the plugin out (change-email then changes the address at once). */
  emailVerification?: EmailVerificationOptions | false;
  user?: UserPluginOptions<AppUser>;
  /** The storage (a backend's migrated database, say); a fresh memory adapter with the example's classes when left out. */
  database?: AppDatabase;
}

/**
 * The example's entities on a fresh memory adapter with every account-lifecycle plugin, and a
 * `MemoryEmailSender` whose captured emails the tests follow. `settle()` waits for background sends.
 */
export function makeLifecycleAuth(options: LifecycleAuthOptions = {}) {
  const mail = new MemoryEmailSender();
  const database: AppDatabase =
    options.database ?? new MemoryDatabaseAdapter({ ...appEntities, ...(options.userClass ? { user: options.userClass as typeof appEntities.user } : {}) });
  const builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail, ...options.config })
    .database(database)
    .plugin(new EmailPasswordPlugin(options.emailPassword))
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin(options.passwordManagement))
    .plugin(new AccountManagementPlugin(options.accountManagement))
    .plugin(new UserPlugin<AppUser>(options.user));
  if (options.emailVerification !== false) builder.plugin(new EmailVerificationPlugin(options.emailVerification));
  const auth = builder.build();
  return { auth, database, mail, settle: () => auth.context.tasks.drain() };
}

export interface LinkResult {
  status: number;
  /** The redirect target, when the answer is a redirect. */
  location: URL | null;
  json: any;
  headers: Headers;
  cookie: string | undefined;
}

/** Follows an emailed link as a browser would: a GET, with the browser's cookie if it has one. */
export async function followLink(handler: (request: Request) => Promise<Response>, url: string, cookie?: string): Promise<LinkResult> {
  const headers = new Headers();
  if (cookie) headers.set('cookie', cookie);
  const response = await handler(new Request(url, { headers }));
  const text = await response.text();
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location ? new URL(location) : null,
    json: text ? JSON.parse(text) : null,
    headers: response.headers,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

/** Moves `Date.now()` forward by `ms` for the rest of the test (restore with `jest.restoreAllMocks()`). */
export function advanceClock(ms: number): void {
  const real = Date.now();
  jest.spyOn(Date, 'now').mockReturnValue(real + ms);
}

/** A user who signed up through a social provider: a `github` account, no password, and a live session. */
export async function socialUser(auth: ReturnType<typeof makeLifecycleAuth>['auth'], email: string) {
  const db = auth.context.db;
  const user = (await db.createUser({ email, name: 'Social User', emailVerified: true })) as { id: string };
  const account = (await db.createAccount({ userId: user.id, providerId: 'github', accountId: `gh-${user.id}`, scope: 'read:user, user:email', accessToken: 'gho_secret_access', refreshToken: 'ghr_secret_refresh', idToken: 'id.token.secret' })) as { id: string };
  const { token } = await auth.context.sessions.create(user.id, { ipAddress: null, userAgent: null });
  return { userId: user.id, accountId: account.id, token };
}
