import type { DeclaredError } from '../errors/declared-error';
import type { Adopter } from './adoption';
import type { DatabaseHooks } from './database-hooks';
import type { EmailTemplate } from '../email/templates';
import type { PluginSchema } from '../schema/auth-schema';
import type { PasswordLengths } from './password-policy';
import type { RateLimitRule } from './rate-limit-rules';

/**
 * What a plugin declares as data, for the engine to merge when the instance is built: the part of
 * `AuthPlugin` that core reads. Core knows plugins only through this (never by class), so a third-party
 * plugin reaches every extension point the first-party ones use.
 */
export interface PluginDeclarations {
  /** Unique per auth instance; namespaces the plugin's token purposes and email kinds. */
  readonly id: string;
  /** Tables and fields the plugin needs; `getAuthSchema`, `generate` and `migrate` include them. */
  readonly schema?: PluginSchema;
  /** Error codes the plugin answers with (from `defineErrorCodes`), merged into the code→status table and OpenAPI. */
  readonly errorCodes?: Readonly<Record<string, DeclaredError>>;
  /** Purposes of the single-use tokens the plugin issues, each `<plugin id>:<name>`. */
  readonly tokenPurposes?: readonly string[];
  /** The emails the plugin sends, keyed `<plugin id>:<name>`, with their templates. */
  readonly emailTemplates?: Readonly<Record<string, EmailTemplate>>;
  /** Rate limits the plugin asks for on its own paths. */
  readonly rateLimit?: readonly RateLimitRule[];
  /** Hooks around the engine's writes (as `AuthConfig.databaseHooks`), run after the app's own. */
  readonly databaseHooks?: DatabaseHooks;
  /**
   * The password lengths every flow enforces (one plugin at most: the email-password plugin's options).
   * Other plugins read them as `auth.passwordLengths`, never from the declaring plugin.
   */
  readonly passwordLengths?: PasswordLengths;
  /**
   * Response headers the plugin adds that a trusted cross-origin front end must be able to read (CORS
   * `Access-Control-Expose-Headers`), beside the engine's own `set-auth-token`: e.g. `['set-auth-jwt']`.
   */
  readonly exposedHeaders?: readonly string[];
  /**
   * Converts what another auth library (better-auth) left in the plugin's tables into the plugin's own formats,
   * when `migrate --from better-auth` adopts a database; see `AdoptionSource`.
   */
  readonly adopt?: Adopter;
}
