import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { PluginRecords, RecordTable } from '../../adapters/plugin-records';
import { ConfigError, type ResolvedConfig } from '../config/resolve-config';
import { CookieSigner } from '../crypto/cookie-signer';
import type { AuthPlugin } from '../plugins/auth-plugin';
import { getAuthSchema } from '../schema/get-auth-schema';
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
   * The rows of a table a plugin declared in its `schema`, by model name, on the configured adapter.
   * @example
   * await auth.records('auditLog').create({ action: 'sign-up', userId, createdAt: new Date() });
   */
  records(model: string): PluginRecords {
    this.recordTables ??= new Map(
      getAuthSchema({ context: this, plugins: this.plugins })
        .tables.filter((table) => table.source !== 'core')
        .map((table) => [table.model, table]),
    );
    const table = this.recordTables.get(model);
    if (!table) throw new ConfigError(`No plugin declares a table "${model}": declare it in the plugin's schema.tables.`);
    if (!this.db.records) throw new ConfigError(`The database adapter stores no plugin tables, so "${model}" cannot be used; use the memory or TypeORM adapter.`);
    return this.db.records(table);
  }

  private recordTables: Map<string, RecordTable> | undefined;

  /**
   * The installed plugin of a class, or `null`: how one plugin uses another's settings or services
   * (password rules of the email-password plugin, the verification links of the email-verification one).
   */
  findPlugin<P extends AuthPlugin>(type: abstract new (...args: never[]) => P): P | null {
    return (this.plugins.find((plugin) => plugin instanceof type) as P | undefined) ?? null;
  }
}
