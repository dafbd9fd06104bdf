/**
 * Database hooks: code of the app that runs around every create, update and delete the engine makes on users,
 * sessions, accounts and verifications, in better-auth's `databaseHooks` shape.
 *
 * - A `before` hook may return `false` to abort (the request answers 422 `DATABASE_HOOK_ABORTED` and nothing is
 *   written), `{ data }` to merge into what is written, or nothing to let the write through unchanged.
 * - Throwing an `AuthError` from any hook answers the request with that error's status and body.
 * - `after` hooks receive the stored record. Inside an engine transaction (sign-up's user + credential account,
 *   password change) an abort or an error rolls back the whole transaction.
 * @example
 * new BetterAuth({
 *   secret,
 *   databaseHooks: {
 *     user: {
 *       create: {
 *         before: async (user, ctx) => (user.email.endsWith('@spam.test') ? false : { data: { name: user.name.trim() } }),
 *         after: async (user, ctx) => audit.log('user created', user.id, ctx.request?.ipAddress),
 *       },
 *     },
 *     session: { delete: { before: async (session) => { if (locked) throw new AuthError('FORBIDDEN'); } } },
 *   },
 * });
 */
export interface DatabaseHooks {
  user?: ModelHooks;
  session?: ModelHooks;
  account?: ModelHooks;
  verification?: ModelHooks;
}

/** The kinds database hooks apply to. */
export type HookedKind = keyof DatabaseHooks;

/** The record fields as the API names them (`email`, `userId`, …) plus the entity class's own fields. */
export type HookData = Record<string, unknown> & { id?: string };

/** What a `before` hook may answer: abort, change the data, or let the write through. */
export type BeforeHookResult = false | void | undefined | { data: Record<string, unknown> };

/** Hooks around one kind's writes. */
export interface ModelHooks {
  create?: {
    /** Sees the values about to be inserted (without the generated id and timestamps). */
    before?: (data: HookData, context: DatabaseHookContext) => BeforeHookResult | Promise<BeforeHookResult>;
    /** Sees the stored record, generated fields and defaults filled in. */
    after?: (record: HookData, context: DatabaseHookContext) => void | Promise<void>;
  };
  update?: {
    /** Sees the changed fields only; `context.id` names the record. */
    before?: (data: HookData, context: DatabaseHookContext) => BeforeHookResult | Promise<BeforeHookResult>;
    after?: (record: HookData, context: DatabaseHookContext) => void | Promise<void>;
  };
  delete?: {
    /**
     * Sees the record about to go: the whole user for users and the newest record for a consumed
     * verification; `{ id }` for sessions, accounts and verifications deleted by id, whose rows the
     * adapter contract cannot read by id.
     */
    before?: (record: HookData, context: DatabaseHookContext) => false | void | undefined | Promise<false | void | undefined>;
    after?: (record: HookData, context: DatabaseHookContext) => void | Promise<void>;
  };
}

/** The request a hook runs for, as far as the engine may tell it. */
export interface HookRequest {
  readonly method: string;
  readonly path: string;
  /** The client address (from `X-Forwarded-For` only with `trustProxyHeaders`). */
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  /** A request header by lower-case name. */
  header(name: string): string | undefined;
}

/** What every hook receives besides the data. */
export interface DatabaseHookContext {
  /** The HTTP request being served; `null` for writes from server code (`auth.api`, jobs). */
  readonly request: HookRequest | null;
  /** The caller's session and user, when the request presented a live one; `null` otherwise. */
  readonly session: { readonly session: object; readonly user: object } | null;
  /** The id of the record an update or delete targets. */
  readonly id?: string;
}
