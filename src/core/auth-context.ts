import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { PluginRecords, RecordTable } from '../../adapters/plugin-records';
import { ConfigError, type ResolvedConfig } from '../config/resolve-config';
import { CookieSigner } from '../crypto/cookie-signer';
import { EmailTemplates } from '../email/email-templates';
import { ErrorCatalog } from '../errors/error-catalog';
import { recordTablesOf } from '../schema/record-tables';
import type { EntityClass } from '../../entities/model/entity-model';
import { HeaderCredentials } from './header-credentials';
import { getAuthSchema } from '../schema/get-auth-schema';
import type { NewRecordOf, RecordFields, RecordModel, RecordOf } from '../schema/record-model';
import { ACCOUNT_FAILURE_MODEL, AccountFailureLimit } from './account-failure-limit';
import { AuthHooks } from './auth-hooks';
import { BackgroundTasks } from './background-tasks';
import { BoundedHasher } from './bounded-hasher';
import type { PasswordHasher } from '../crypto/password-hasher';
import type { SecondaryStorage } from './secondary-storage';
import { checkHealth, type HealthReport } from '../observability/health-check';
import { passwordLengthsOf, type PasswordLengths } from './password-policy';
import type { PluginDeclarations } from './plugin-declarations';
import { checkRateLimitRule, type DeclaredRateLimitRule } from './rate-limit-rules';
import { SessionCookies } from './session-cookies';
import { SessionService } from './session-service';
import { DatabaseSessionStore, type SessionStore } from './session-store';
import { SignInPipeline } from './sign-in-pipeline';
import { DatabaseVerificationStore, type VerificationStore } from './verification-store';
import { VerificationTokens } from './verification-tokens';

/**
 * What every plugin and route reaches: the resolved configuration, the database, the services built on them,
 * and the registries the plugins' declarations were merged into. Built once per auth instance; nothing in it
 * is per request.
 */
export class AuthContext {
  readonly signer: CookieSigner;
  readonly cookies: SessionCookies;
  readonly sessions: SessionService;
  /** Single-use emailed tokens (password reset, email verification, account deletion, plugins' purposes). */
  readonly tokens: VerificationTokens;
  /** Where plugins join flows other plugins own (after sign-up, session gates). */
  readonly hooks = new AuthHooks();
  /** Credentials a request carries in headers of their own (API keys), asked before the session token. */
  readonly headerCredentials = new HeaderCredentials();
  /** The one way a session is opened after a user proved who they are; plugins add steps in `init`. */
  readonly signIn: SignInPipeline;
  /** Work a request starts without waiting for it (emails whose timing must not tell anything). */
  readonly tasks: BackgroundTasks;
  /** Wrong passwords and codes counted per account, before each check (see `AccountFailureLimit`). */
  readonly failureLimit: AccountFailureLimit;
  /** Every error code the instance answers with: the engine's and its plugins'. */
  readonly errors = new ErrorCatalog();
  /** The templates of every email kind, the engine's and its plugins'. */
  readonly emailTemplates = new EmailTemplates();
  /** The rate limits plugins asked for on their paths. */
  readonly rateLimitRules: readonly DeclaredRateLimitRule[];
  /** The password lengths in force: a plugin's declared ones (email-password's options) or 8–128. */
  readonly passwordLengths: PasswordLengths;
  /** The response headers a trusted cross-origin caller may read: `set-auth-token` and what plugins declared. */
  readonly exposedHeaders: string;
  private readonly boundedHasher: BoundedHasher;
  private sealed = false;

  constructor(
    readonly config: ResolvedConfig,
    readonly db: DatabaseAdapter,
    private readonly plugins: readonly PluginDeclarations[] = [],
    /** The secondary storage the instance was built with (as its plugins see it), probed by `health()`. */
    readonly secondaryStorage: SecondaryStorage | null = null,
  ) {
    this.signer = new CookieSigner(config.secret);
    this.boundedHasher = new BoundedHasher(config.passwordHasher, config.passwordHashing);
    this.cookies = new SessionCookies(config, this.signer);
    this.sessions = new SessionService(config, db, new DatabaseSessionStore(db));
    this.tokens = new VerificationTokens(new DatabaseVerificationStore(db));
    this.tasks = new BackgroundTasks(config.logger);
    this.failureLimit = new AccountFailureLimit((on) => this.records(ACCOUNT_FAILURE_MODEL, on));
    this.signIn = new SignInPipeline(this.sessions, (user) => this.models.user.read(user, 'id'), db, (request) => {
      const presented = this.cookies.read(request);
      return presented ? this.sessions.peek(presented.token) : Promise.resolve(null);
    });
    // Gates (email verification required, …) are the first step of every sign-in.
    this.signIn.addStep({
      id: 'session-gates',
      run: async (attempt) => {
        const refusal = await this.hooks.sessionRefusal(attempt.user, attempt.via === 'sign-up' ? 'sign-up' : 'sign-in');
        return refusal ? { refuse: refusal } : undefined;
      },
    });
    const rules: DeclaredRateLimitRule[] = [];
    for (const plugin of plugins) {
      if (plugin.errorCodes) this.errors.declare(plugin.id, plugin.errorCodes);
      if (plugin.tokenPurposes) this.tokens.declare(plugin.id, plugin.tokenPurposes);
      if (plugin.emailTemplates) this.emailTemplates.declare(plugin.id, plugin.emailTemplates);
      for (const rule of plugin.rateLimit ?? []) rules.push(checkRateLimitRule(plugin.id, rule));
    }
    this.rateLimitRules = rules;
    this.passwordLengths = passwordLengthsOf(plugins);
    // The app's record classes are checked against the plugins' tables now, so a mismatch fails the build
    // rather than the first request that reaches the table.
    if (db.recordClasses?.size) this.recordTables = recordTablesOf({ context: this, plugins });
    // Joined once here: every cross-origin answer carries the same list.
    this.exposedHeaders = [...new Set(['set-auth-token', ...plugins.flatMap((plugin) => plugin.exposedHeaders ?? []).map((name) => name.toLowerCase())])].join(', ');
  }

  /** The configured hasher behind a bound on concurrent and waiting hashes (see `BoundedHasher`). */
  get hasher(): PasswordHasher {
    return this.boundedHasher;
  }

  /** Throws 503 at once when password hashing is saturated, before a flow spends lookups on a doomed request. */
  refuseWhenHashingFull(): void {
    this.boundedHasher.refuseWhenFull();
  }

  /** The database and secondary storage as a readiness probe sees them (see `HealthReport`). */
  health(): Promise<HealthReport> {
    return checkHealth(this.db, this.secondaryStorage, this.config.health.timeoutMs);
  }

  get models() {
    return this.db.models;
  }

  /** The app's own classes for plugin tables, as the adapter was given them (see `AuthRecord`). */
  get recordClasses(): ReadonlyMap<string, EntityClass<object>> | undefined {
    return this.db.recordClasses;
  }

  /**
   * Replaces where sessions are kept (a secondary storage in front of the database). Only while the instance
   * is being built, from a plugin's `init`, and only once: two stores would each miss the other's writes.
   * @example
   * init(auth) { auth.useSessionStore((database) => new RedisSessionStore(redis, database)); }
   */
  useSessionStore(create: (database: SessionStore) => SessionStore): void {
    if (this.sealed) throw new ConfigError('useSessionStore: call it from a plugin init(), before the instance is built.');
    if (!(this.sessions.store instanceof DatabaseSessionStore)) throw new ConfigError('useSessionStore: a session store is installed already; install one.');
    this.sessions.store = create(this.sessions.store);
  }

  /**
   * Replaces where verification values are kept (a secondary storage instead of the verification table), on
   * the same terms as `useSessionStore`: from a plugin's `init`, once.
   * @example
   * init(auth) { auth.useVerificationStore((database) => new StorageVerificationStore(redis, database, logger)); }
   */
  useVerificationStore(create: (database: VerificationStore) => VerificationStore): void {
    if (this.sealed) throw new ConfigError('useVerificationStore: call it from a plugin init(), before the instance is built.');
    if (!(this.tokens.store instanceof DatabaseVerificationStore)) throw new ConfigError('useVerificationStore: a verification store is installed already; install one.');
    this.tokens.store = create(this.tokens.store);
  }

  /** Called by `BetterAuth.build()` once every plugin's `init` ran: the wiring is final from here on. */
  seal(): void {
    this.sealed = true;
  }

  /**
   * The rows of a table a plugin declared in its `schema`, on the configured adapter. Given the table's
   * `RecordModel` (see `recordModel`), records are typed by the declared fields; given a bare model name, they
   * are loose `Record<string, unknown>` rows. Pass `on` (the adapter a `transaction` callback got) to write
   * them in that transaction.
   * @example
   * await auth.records(auditEntries).create({ action: 'sign-up', userId, createdAt: new Date() });
   * await auth.db.transaction((tx) => auth.records(auditEntries, tx).deleteMany({ userId }));
   */
  records<F extends RecordFields>(model: RecordModel<F>, on?: DatabaseAdapter): PluginRecords<RecordOf<F>, NewRecordOf<F>>;
  records(model: string, on?: DatabaseAdapter): PluginRecords;
  records(model: string | RecordModel, on: DatabaseAdapter = this.db): PluginRecords {
    const name = typeof model === 'string' ? model : model.model;
    this.recordTables ??= recordTablesOf({ context: this, plugins: this.plugins });
    const table = this.recordTables.get(name);
    if (!table) throw new ConfigError(`No plugin declares a table "${name}": declare it in the plugin's schema.tables.`);
    if (!on.records) throw new ConfigError(`The database adapter stores no plugin tables, so "${name}" cannot be used; use the memory or TypeORM adapter.`);
    // The typed overload's promise holds because adapters decode every column to its declared type.
    return on.records(table);
  }

  private recordTables: Map<string, RecordTable> | undefined;

  /**
   * The installed plugin of a class, or `null`: how one plugin uses another's settings or services
   * (password rules of the email-password plugin, the verification links of the email-verification one).
   */
  findPlugin<P extends PluginDeclarations>(type: abstract new (...args: never[]) => P): P | null {
    return (this.plugins.find((plugin) => plugin instanceof type) as P | undefined) ?? null;
  }

  /** The installed plugin with this id, or `null`: for code that must not import the plugin's class. */
  pluginById<P extends PluginDeclarations = PluginDeclarations>(id: string): P | null {
    return (this.plugins.find((plugin) => plugin.id === id) as P | undefined) ?? null;
  }
}
