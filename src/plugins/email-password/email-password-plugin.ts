import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import type { PasswordLengths } from '../../core/password-policy';
import type { AnswerDraft } from '../../core/sign-in-pipeline';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { resolveEmailPasswordOptions, type EmailPasswordOptions, type ResolvedEmailPasswordOptions } from './options';
import { signInRoute, signUpRoute } from './routes';
import { signInWithEmail, type SignInInput, type SignInResult } from './sign-in';
import { signUpWithEmail, type SignUpInput, type SignUpResult } from './sign-up';

/**
 * Sign-up and sign-in with an email and a password: `POST /sign-up/email`, `POST /sign-in/email`.
 * @example
 * new BetterAuth(config).database(db).plugin(new EmailPasswordPlugin({ enableSignup: true, minPasswordLength: 10 }))
 */
export class EmailPasswordPlugin implements AuthPlugin {
  readonly id = 'email-password';
  readonly options: ResolvedEmailPasswordOptions;
  /** The bounds every flow enforces (reset, change, admin, two-factor's password check read them from core). */
  readonly passwordLengths: PasswordLengths;
  private context: AuthContext | undefined;

  constructor(options: EmailPasswordOptions = {}) {
    this.options = resolveEmailPasswordOptions(options);
    this.passwordLengths = { min: this.options.minPasswordLength, max: this.options.maxPasswordLength };
  }

  init(auth: AuthContext): void {
    this.context = auth;
  }

  routes(): RouteDefinition[] {
    return [signUpRoute(this), signInRoute(this)];
  }

  signUp(input: SignUpInput, client: ClientInfo): Promise<SignUpResult> {
    return signUpWithEmail(this.auth, this.options, input, client);
  }

  /** Checks the password, then runs the sign-in pipeline; `response` receives the cookies a step sets. */
  signIn(input: SignInInput, client: ClientInfo, response?: AnswerDraft): Promise<SignInResult> {
    return signInWithEmail(this.auth, this.options, input, client, response);
  }

  private get auth(): AuthContext {
    return builtPart('EmailPasswordPlugin', this.context);
  }
}
