import type { AuthContext } from '../../core/auth-context';
import { normaliseEmail } from '../../core/normalise-email';
import type { RateLimitOptions, RateLimitStore } from '../../core/rate-limit-rules';
import { ERROR_CODES } from '../../errors/error-codes';
import { telemetry } from '../../observability/telemetry';
import type { HookAnswer, RequestHookContext, RequestHooks } from '../../http/request-hooks';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import type { PluginSchema } from '../../schema/auth-schema';
import { DatabaseRateLimitStore, RATE_LIMIT_TABLE, rateLimitModel } from './database-rate-limit-store';
import { MemoryRateLimitStore } from '../../core/memory-rate-limit-store';
import { limitFor, type AppliedLimit } from './rate-limit-rules';

const LIMITED = ERROR_CODES.TOO_MANY_REQUESTS;

/**
 * Limits requests per client address **and** per target account (the `email` or `username` a body names), so
 * neither one client trying many accounts nor many clients trying one account gets through. Answers 429
 * `TOO_MANY_REQUESTS` with `Retry-After`. Mounted by `BetterAuth.build()` when `AuthConfig.rateLimit` is on
 * (by default when `NODE_ENV=production`); routes without a limit (get-session) pay no counter.
 * A request whose client address is unknown (no socket address, no trusted proxy header) is limited per
 * target only: one shared bucket for every such client would let one of them lock all out.
 */
export class RateLimitPlugin implements AuthPlugin {
  readonly id = 'rate-limit';
  private store: RateLimitStore;
  /** The `rateLimit` table, only when counters are kept in the database: nobody else migrates a table they never use. */
  readonly schema: PluginSchema | undefined;
  private limits: Map<string, AppliedLimit | null> | undefined;
  private context: AuthContext | undefined;

  constructor(private readonly options: RateLimitOptions = {}) {
    const inDatabase = !options.store && options.storage === 'database';
    this.schema = inDatabase ? { tables: { [rateLimitModel.model]: RATE_LIMIT_TABLE } } : undefined;
    this.store = options.store ?? new MemoryRateLimitStore();
  }

  init(auth: AuthContext): void {
    this.context = auth;
    if (this.schema) {
      // Asked for now, so an adapter that stores no plugin tables fails when the instance is built.
      const records = auth.records(rateLimitModel);
      this.store = new DatabaseRateLimitStore(() => records);
    }
  }

  routes(): RouteDefinition[] {
    return [];
  }

  // The matcher runs once per route when the handler is built: a route without a limit gets no hook at all.
  readonly hooks: RequestHooks = {
    before: [{ matcher: (path) => this.limitOf(path) !== null, handle: (ctx) => this.check(ctx) }],
  };

  private async check(ctx: RequestHookContext): Promise<HookAnswer | undefined> {
    const limit = this.limitOf(ctx.path);
    if (!limit) return undefined;
    const route = `${ctx.route.method} ${ctx.route.path}`;
    const keys: string[] = [];
    if (ctx.client.ipAddress) keys.push(`${route}|client:${ctx.client.ipAddress}`);
    const target = targetOf(ctx.body);
    if (target) keys.push(`${route}|target:${target}`);
    let retryAfter = 0;
    for (const key of keys) {
      const { count, resetInSeconds } = await this.store.hit(key, limit.windowSeconds);
      if (count > limit.max) retryAfter = Math.max(retryAfter, resetInSeconds);
    }
    if (retryAfter === 0) return undefined;
    telemetry.metrics()?.rateLimitRefusals.add(1, { 'auth.rate_limit.rule': ctx.route.path });
    return { status: LIMITED.status, body: { code: 'TOO_MANY_REQUESTS', message: LIMITED.message }, headers: [['retry-after', String(retryAfter)]] };
  }

  /** A route path's limit, worked out once and kept (the route table never changes after build). */
  private limitOf(path: string): AppliedLimit | null {
    this.limits ??= new Map();
    if (!this.limits.has(path)) {
      const auth = builtPart('RateLimitPlugin', this.context);
      const defaults = { windowSeconds: this.options.windowSeconds ?? 10, max: this.options.max ?? 100 };
      this.limits.set(path, limitFor(path, defaults, this.options.customRules ?? {}, auth.rateLimitRules));
    }
    return this.limits.get(path) ?? null;
  }
}

/** The account a body names, normalised so `Ada@X.co` and `ada@x.co` count together. */
function targetOf(body: Readonly<Record<string, unknown>>): string | null {
  if (typeof body.email === 'string' && body.email.length <= 320) return `email:${normaliseEmail(body.email)}`;
  if (typeof body.username === 'string' && body.username.length <= 320) return `username:${body.username.toLowerCase()}`;
  return null;
}
