/**
 * A third-party plugin, written the way an outside author would: against the package's public exports only
 * (no path into src/). It keeps an audit log of sign-ins and sign-outs in a table of its own.
 *
 * What it shows, one extension point each:
 * - `schema`: its own table `audit_log`, with a column of a custom SQL name and a composite index;
 *   `getAuthSchema`, `generate` and `migrate` create it like any core table; `recordModel` names its fields
 *   once, so `auth.records(auditEntries)` reads and writes them typed;
 * - `errorCodes`: a code of its own, in the code→status table and the OpenAPI document;
 * - `hooks`: request hooks around every way of signing in and around sign-out, recording ip and user agent;
 * - `routes`: `GET /audit/list`, the signed-in user's entries;
 * - `api`: `auth.api.audit.list({ userId })`, typed, for server code.
 *
 * @example
 * const auth = new BetterAuth(config).database(db).plugin(new EmailPasswordPlugin()).plugin(new AuditPlugin()).build();
 * const entries = await auth.api.audit.list({ userId: user.id }); // AuditEntry[]
 */
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import {
  AuthError,
  defineErrorCodes,
  defineRoute,
  type AuthContext,
  type AuthPlugin,
  type PluginSchema,
  type RequestHookContext,
  type RequestHooks,
  type RequestOutcome,
  recordModel,
} from 'better-auth-entities';

/** One line of the log, as the route and `auth.api.audit.list` return it. */
export interface AuditEntry {
  id: string;
  userId: string;
  action: 'sign-in' | 'sign-out';
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export interface AuditPluginOptions {
  /** The most entries one list returns (default 50). */
  maxListSize?: number;
}

/** Codes follow better-auth's shape: UPPER_SNAKE_CASE, with a status of their own. */
export const AUDIT_ERRORS = defineErrorCodes({
  AUDIT_LIST_TOO_LONG: { status: 400, message: 'Ask for fewer audit entries' },
});

/** Query of `GET /audit/list`. */
class AuditListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

// The key under which the sign-out hook passes the ending session's user from `before` to `after`.
const SIGNING_OUT = 'audit:signing-out';

/** The log's table, declared once: the schema below and every `auth.records(auditEntries)` read it. */
const auditEntries = recordModel('auditEntry', {
  userId: { type: 'string', required: true, references: { model: 'user', field: 'id', onDelete: 'cascade' } },
  action: { type: 'string', required: true },
  ipAddress: { type: 'string' },
  // The custom column: long text under a name of the plugin's choosing.
  userAgent: { type: 'string', long: true, fieldName: 'client_user_agent' },
  createdAt: { type: 'date', required: true },
});

export class AuditPlugin implements AuthPlugin {
  readonly id = 'audit';
  readonly errorCodes = AUDIT_ERRORS;
  readonly schema: PluginSchema = {
    tables: { [auditEntries.model]: { modelName: 'audit_log', fields: auditEntries.fields, indexes: [{ fields: ['userId', 'createdAt'] }] } },
  };
  private readonly maxListSize: number;

  constructor(options: AuditPluginOptions = {}) {
    this.maxListSize = options.maxListSize ?? 50;
  }

  readonly hooks: RequestHooks = {
    before: [
      {
        // Sign-out ends the session: whose it was must be read before the route runs.
        matcher: '/sign-out',
        handle: async (ctx) => {
          const active = await ctx.session();
          if (active) ctx.locals.set(SIGNING_OUT, ctx.auth.models.user.read(active.user, 'id'));
        },
      },
    ],
    after: [
      {
        // Every way of signing in (`/sign-in/email`, `/sign-in/username`, `/sign-in/social`, …) opens its session
        // through the same pipeline; the hook only asks whether this request handed one out.
        matcher: '/sign-in/*',
        handle: async (ctx, outcome) => {
          const opened = ctx.response.openedSession;
          if (outcome.status !== 200 || !opened) return;
          await this.record(ctx, ctx.auth.models.session.read(opened, 'userId'), 'sign-in');
        },
      },
      {
        matcher: '/sign-out',
        handle: async (ctx, outcome: RequestOutcome) => {
          const userId = ctx.locals.get(SIGNING_OUT);
          if (outcome.status === 200 && typeof userId === 'string') await this.record(ctx, userId, 'sign-out');
        },
      },
    ],
  };

  routes() {
    return [
      defineRoute({
        method: 'GET',
        path: '/audit/list',
        summary: "The signed-in user's sign-ins and sign-outs, newest first",
        query: AuditListQuery,
        session: 'required',
        errors: [AUDIT_ERRORS.AUDIT_LIST_TOO_LONG],
        handle: async (ctx, _body, query: AuditListQuery) => {
          const { user } = await ctx.requireSession();
          return listEntries(ctx.auth, ctx.auth.models.user.read(user, 'id'), this.limit(query.limit));
        },
      }),
    ];
  }

  api(auth: AuthContext) {
    return {
      audit: {
        /** A user's entries, newest first. */
        list: (input: { userId: string; limit?: number }): Promise<AuditEntry[]> => listEntries(auth, input.userId, this.limit(input.limit)),
      },
    };
  }

  private limit(requested: number | undefined): number {
    if (requested !== undefined && requested > this.maxListSize) throw new AuthError(AUDIT_ERRORS.AUDIT_LIST_TOO_LONG);
    return requested ?? this.maxListSize;
  }

  private async record(ctx: RequestHookContext, userId: string, action: AuditEntry['action']): Promise<void> {
    await ctx.auth.records(auditEntries).create({
      userId,
      action,
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
      createdAt: new Date(),
    });
  }
}

async function listEntries(auth: AuthContext, userId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await auth.records(auditEntries).findMany({ userId }, { orderBy: ['createdAt', 'desc'], limit });
  // The column holds any string; only this plugin writes it, and only these two actions.
  return rows.map((row) => ({ ...row, action: row.action as AuditEntry['action'] }));
}
