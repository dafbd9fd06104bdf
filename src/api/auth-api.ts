import type { CustomFields } from '../../adapters/inputs';
import type { StandardUser } from '../../entities/standard-fields';
import type { AuthContext } from '../core/auth-context';
import type { ClientInfo } from '../core/client-info';
import { customInput } from '../core/custom-input';
import { AuthError } from '../errors/auth-error';
// Types only: the plugin is found by id at run time, so this layer never loads plugin code.
import type { EmailPasswordPlugin } from '../plugins/email-password/email-password-plugin';
import { requestFromHeaders, type HeadersInput } from './headers-request';

/** A session and its user, typed with the app's own classes. */
export interface SessionAndUser<U, S> {
  user: U;
  session: S;
}

/** `auth.api.signUpEmail` input: the standard fields plus any custom user field (server code may set them all). */
export type SignUpEmailInput<U> = {
  email: string;
  password: string;
  name: string;
  image?: string | null;
} & Partial<CustomFields<U, StandardUser>>;

/** Options of a server-side write. */
export interface ServerWriteOptions {
  /**
   * `false` skips the checks a request's values pass (the field's type, its column's limits, the class's own
   * class-validator rules): for seeding data you already trust. Default `true`: a server write is checked like a request.
   */
  validate?: boolean;
}

const NO_CLIENT: ClientInfo = { ipAddress: null, userAgent: null };

/**
 * The auth flows as functions, for server code that has no HTTP request to forward (seeding, tests, jobs).
 * Results use the app's own entity classes.
 * @example
 * const { user } = await auth.api.signUpEmail({ email, password, name, plan: 'pro' }); // user: AppUser
 * const current = await auth.api.getSession({ headers: req.headers });                  // { user, session } | null
 */
export class AuthApi<U extends object, S extends object> {
  constructor(private readonly auth: AuthContext) {}

  /** The live session that these request headers present (a header credential such as an API key, Bearer or cookie), or `null`. */
  async getSession(input: { headers: HeadersInput }): Promise<SessionAndUser<U, S> | null> {
    const request = requestFromHeaders(input.headers);
    const byHeader = this.auth.headerCredentials.registered ? this.auth.headerCredentials.resolve(request) : undefined;
    const presented = byHeader ? null : this.auth.cookies.read(request);
    if (!byHeader && !presented) return null;
    const active = byHeader ? await byHeader : await this.auth.sessions.find(presented!.token);
    return active ? { user: active.user as U, session: active.session as S } : null;
  }

  /**
   * Creates a user with a password; opens a session when the plugin's `autoSignIn` is on. Custom fields are
   * checked as a request's are (type, column limits, the class's rules; `input: false` fields may be set here),
   * unless `{ validate: false }`: a refused value throws `AuthError('VALIDATION_ERROR')` and creates nothing.
   * @example
   * await auth.api.signUpEmail({ email, password, name, plan: 'pro' });                       // checked
   * await auth.api.signUpEmail({ email, password, name, plan: 'legacy' }, { validate: false }); // trusted seed data
   */
  async signUpEmail(input: SignUpEmailInput<U>, options: ServerWriteOptions = {}): Promise<{ user: U; session: S | null; token: string | null }> {
    const { email, password, name, image, ...given } = input;
    const custom = options.validate === false ? given : await customInput(this.auth.models.user, given, { server: true, standardValues: { name, image } });
    const result = await this.emailPassword().signUp({ email, password, name, image, custom }, NO_CLIENT);
    return { user: result.user as U, session: result.session as S | null, token: result.token };
  }

  /**
   * Checks an email and password and opens a session; throws `AuthError('INVALID_EMAIL_OR_PASSWORD')`, a sign-in
   * step's refusal, or `SIGN_IN_INCOMPLETE` when a step asks for more than a password (a second factor).
   */
  async signInEmail(input: { email: string; password: string; rememberMe?: boolean }): Promise<{ user: U; session: S; token: string }> {
    const result = await this.emailPassword().signIn(input, NO_CLIENT);
    if (result.kind === 'answer') throw new AuthError('SIGN_IN_INCOMPLETE');
    return { user: result.user as U, session: result.session as S, token: result.token };
  }

  /** Ends the session these headers present; `false` when there was none. */
  async signOut(input: { headers: HeadersInput }): Promise<boolean> {
    const presented = this.auth.cookies.read(requestFromHeaders(input.headers));
    const active = presented ? await this.auth.sessions.find(presented.token) : null;
    if (!active) return false;
    return this.auth.sessions.revoke(this.auth.models.session.read(active.session, 'id'));
  }

  private emailPassword(): EmailPasswordPlugin {
    const plugin = this.auth.pluginById<EmailPasswordPlugin>('email-password');
    if (!plugin) throw new AuthError('NOT_FOUND', 'EmailPasswordPlugin is not installed on this auth instance');
    return plugin;
  }
}
