import { BetterAuth, type AuthConfig } from 'better-auth-entities';
import {
  AdminPlugin,
  AnonymousPlugin,
  EmailOtpPlugin,
  EmailPasswordPlugin,
  MagicLinkPlugin,
  MemoryEmailSender,
  PasswordManagementPlugin,
  SessionManagementPlugin,
  type AnonymousOptions,
  type LinkAccountEvent,
} from 'better-auth-entities/plugins';
import type { BaseSession, BaseUser } from 'better-auth-entities/entities';
import type { BuiltinDatabase } from '../support/builtin-backends';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/** A placeholder as better-auth makes it by default: 32 hex digits at the reserved `.invalid` domain. */
export const DEFAULT_PLACEHOLDER = /^[0-9a-f]{32}@anonymous\.placeholder\.invalid$/;

/** Which further plugins to mount: the admin plugin and the email-OTP plugin declare `USER_NOT_FOUND` differently, so one at a time. */
export interface AnonymousAuthExtras {
  admin?: boolean;
  config?: Partial<AuthConfig>;
}

/**
 * The anonymous plugin beside everything an anonymous user could try to reach mail or an address through:
 * email/password, password resets, magic links, and email codes (or, with `admin`, the admin routes); mail
 * kept in memory and every `onLinkAccount` call recorded (after `options.onLinkAccount`, which may throw).
 */
export function makeAnonymousAuth(database: BuiltinDatabase, options: AnonymousOptions<BaseUser, BaseSession> = {}, extras: AnonymousAuthExtras = {}) {
  const mail = new MemoryEmailSender();
  const links: Array<LinkAccountEvent<BaseUser, BaseSession>> = [];
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail, ...extras.config })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin())
    .plugin(new MagicLinkPlugin())
    .plugin(extras.admin ? new AdminPlugin() : new EmailOtpPlugin())
    .plugin(
      new AnonymousPlugin<BaseUser, BaseSession>({
        ...options,
        onLinkAccount: async (event) => {
          await options.onLinkAccount?.(event);
          links.push(event);
        },
      }),
    )
    .build();
  return { auth, database, mail, links, settle: () => auth.context.tasks.drain() };
}

export type AnonymousAuth = ReturnType<typeof makeAnonymousAuth>;

/** Signs in anonymously and returns the answer's cookie, token and user. */
export async function signInAnonymously(s: AnonymousAuth, cookie?: string) {
  const answer = await call(s.auth.handler, 'POST', '/sign-in/anonymous', { cookie });
  if (answer.status !== 200) throw new Error(`anonymous sign-in failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  return { cookie: answer.cookie!, token: answer.json.token as string, user: answer.json.user, answer };
}

/** A real user with a password, made through sign-up without any session in the request. */
export async function realUser(s: AnonymousAuth, email = uniqueEmail('real')) {
  const answer = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Real' } });
  if (answer.status !== 200) throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  return { email, id: answer.json.user.id as string, cookie: answer.cookie! };
}
