import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { signInWithPassword } from '../../core/password-sign-in';
import type { AnswerDraft, SignInSuccess } from '../../core/sign-in-pipeline';
import { AuthError } from '../../errors/auth-error';
import { ConfigError } from '../../errors/config-error';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { USERNAME_ERRORS } from './error-codes';
import { resolveUsernameOptions, type ResolvedUsernameOptions, type UsernameOptions } from './options';
import { isUsernameAvailableRoute, signInUsernameRoute } from './routes';
import { usernameInput } from './user-input';
import { normaliseUsername, usernameProblem } from './username-rules';

/** What `POST /sign-in/username` and `auth.api.username.signIn` take. */
export interface SignInUsernameInput {
  username: string;
  password: string;
  rememberMe?: boolean;
}

/**
 * Usernames (better-auth's `username` plugin): `POST /sign-in/username`, `POST /is-username-available`, and
 * `username` / `displayUsername` accepted by sign-up and update-user. Usernames are stored lower-cased and
 * unique on every backend; `displayUsername` keeps the casing the user chose. Sign-in goes through the same
 * pipeline as every other way of signing in, so email verification, bans and second factors apply.
 * @example
 * new BetterAuth(config).database(db).plugin(new EmailPasswordPlugin()).plugin(new UsernamePlugin({ minUsernameLength: 4 }))
 */
export class UsernamePlugin implements AuthPlugin {
  readonly id = 'username';
  readonly errorCodes = USERNAME_ERRORS;
  readonly options: ResolvedUsernameOptions;
  private context: AuthContext | undefined;

  constructor(options: UsernameOptions = {}) {
    this.options = resolveUsernameOptions(options);
  }

  init(auth: AuthContext): void {
    const missing = ['username', 'displayUsername'].filter((field) => !auth.models.user.has(field));
    if (missing.length > 0) {
      throw new ConfigError(
        `UsernamePlugin stores username and displayUsername on the user, but ${auth.models.user.className} has no ${missing.join(' or ')}: extend BaseUser, or declare them (@AuthField) with their columns.`,
      );
    }
    this.context = auth;
    auth.hooks.addUserInput((body, change) => usernameInput(auth, this.options, body, change));
  }

  routes(): RouteDefinition[] {
    return [signInUsernameRoute(this), isUsernameAvailableRoute(this)];
  }

  api(auth: AuthContext) {
    return {
      username: {
        /** Whether a username is well-formed and free; throws the rule a malformed one breaks. */
        isAvailable: async (input: { username: string }): Promise<boolean> => {
          const problem = await usernameProblem(this.options, input.username);
          if (problem) throw new AuthError(problem);
          return (await auth.db.findUserBy('username', normaliseUsername(input.username))) === null;
        },
      },
    };
  }

  /** Checks a username and password and opens a session; every failure is `INVALID_USERNAME_OR_PASSWORD` at the same cost. */
  async signIn(input: SignInUsernameInput, client: ClientInfo, response?: AnswerDraft): Promise<SignInSuccess> {
    const auth = builtPart('UsernamePlugin', this.context);
    const maxPasswordLength = auth.passwordLengths.max;
    // A malformed name is looked up as nobody: the answer and its cost stay those of a wrong password.
    const findUser = async () =>
      (await usernameProblem(this.options, input.username)) ? null : auth.db.findUserBy('username', normaliseUsername(input.username));
    return signInWithPassword(auth, findUser, {
      via: 'username',
      password: input.password,
      maxPasswordLength,
      invalid: () => new AuthError(USERNAME_ERRORS.INVALID_USERNAME_OR_PASSWORD),
      client,
      rememberMe: input.rememberMe,
      response,
    });
  }
}
