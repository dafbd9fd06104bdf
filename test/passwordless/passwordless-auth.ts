import { AuthError, BetterAuth, defineErrorCodes, type AuthConfig, type AuthContext } from 'better-auth-entities';
import {
  AccountManagementPlugin,
  EmailOtpPlugin,
  EmailPasswordPlugin,
  MagicLinkPlugin,
  MemoryEmailSender,
  SessionManagementPlugin,
  type EmailOtpOptions,
  type MagicLinkOptions,
} from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';

const GATE_ERRORS = defineErrorCodes({ SIGN_IN_BLOCKED: { status: 403, message: 'Blocked by a sign-in step' } });

/**
 * A plugin that refuses every sign-in of the addresses in `blocked`, through the one sign-in pipeline (as a
 * ban does): proves the passwordless routes go through it.
 */
export function gatePlugin(blocked: Set<string>) {
  return {
    id: 'test-gate',
    errorCodes: GATE_ERRORS,
    routes: () => [],
    init(auth: AuthContext) {
      auth.signIn.addStep({
        id: 'test-gate',
        run: (attempt) => (blocked.has(String(auth.models.user.read(attempt.user, 'email'))) ? { refuse: new AuthError(GATE_ERRORS.SIGN_IN_BLOCKED) } : undefined),
      });
    },
  };
}

export interface PasswordlessAuthOptions {
  magicLink?: MagicLinkOptions | false;
  emailOtp?: EmailOtpOptions | false;
  config?: Partial<AuthConfig>;
  blocked?: Set<string>;
}

/** Email/password, sessions, accounts and both passwordless plugins on `database`, mail kept in memory. */
export function makePasswordlessAuth(database: AppDatabase, options: PasswordlessAuthOptions = {}) {
  const mail = new MemoryEmailSender();
  const builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail, ...options.config })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AccountManagementPlugin())
    .plugin(gatePlugin(options.blocked ?? new Set()));
  if (options.magicLink !== false) builder.plugin(new MagicLinkPlugin(options.magicLink));
  if (options.emailOtp !== false) builder.plugin(new EmailOtpPlugin(options.emailOtp));
  const auth = builder.build();
  return { auth, database, mail, settle: () => auth.context.tasks.drain() };
}
