import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { ResolvedConfig } from '../config/resolve-config';
import { CookieSigner } from '../crypto/cookie-signer';
import type { AuthPlugin } from '../plugins/auth-plugin';
import { AuthHooks } from './auth-hooks';
import { BackgroundTasks } from './background-tasks';
import { SessionCookies } from './session-cookies';
import { SessionService } from './session-service';
import { VerificationTokens } from './verification-tokens';

/**
 * What every plugin and route reaches: the resolved configuration, the database, and the services built on
 * them. Built once per auth instance; nothing in it is per request.
 */
export class AuthContext {
  readonly signer: CookieSigner;
  readonly cookies: SessionCookies;
  readonly sessions: SessionService;
  /** Single-use emailed tokens (password reset, email verification, account deletion). */
  readonly tokens: VerificationTokens;
  /** Where plugins join flows other plugins own (after sign-up, before a session opens). */
  readonly hooks = new AuthHooks();
  /** Work a request starts without waiting for it (emails whose timing must not tell anything). */
  readonly tasks: BackgroundTasks;

  constructor(
    readonly config: ResolvedConfig,
    readonly db: DatabaseAdapter,
    private readonly plugins: readonly AuthPlugin[] = [],
  ) {
    this.signer = new CookieSigner(config.secret);
    this.cookies = new SessionCookies(config, this.signer);
    this.sessions = new SessionService(config, db);
    this.tokens = new VerificationTokens(db);
    this.tasks = new BackgroundTasks(config.logger);
  }

  get hasher() {
    return this.config.passwordHasher;
  }

  get models() {
    return this.db.models;
  }

  /**
   * The installed plugin of a class, or `null`: how one plugin uses another's settings or services
   * (password rules of the email-password plugin, the verification links of the email-verification one).
   */
  findPlugin<P extends AuthPlugin>(type: abstract new (...args: never[]) => P): P | null {
    return (this.plugins.find((plugin) => plugin instanceof type) as P | undefined) ?? null;
  }
}
