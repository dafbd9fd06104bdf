import type { AuthContext } from '../../core/auth-context';
import { assertFreshSession } from '../../core/fresh-session';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { AccountListItem, UnlinkAccountDto } from './dtos';
import type { ResolvedAccountManagementOptions } from './options';
import { unlinkAccount } from './unlink-account';

/** `GET /list-accounts` → the caller's accounts as `{ id, providerId, accountId, userId, scopes, createdAt, updatedAt }`. */
export function listAccountsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/list-accounts',
    summary: "The caller's linked accounts (no passwords or provider tokens)",
    session: 'required',
    response: { body: AccountListItem, array: true },
    handle: async (ctx) => {
      const { user } = await ctx.requireSession();
      const accounts = await ctx.auth.db.listAccountsForUser(ctx.auth.models.user.read(user, 'id'));
      return accounts.map((account) => accountJson(ctx.auth, account));
    },
  });
}

/** `POST /unlink-account` `{ accountId }` or `{ providerId, accountId? }` → `{ status: true }`; needs a fresh session. */
export function unlinkAccountRoute(options: ResolvedAccountManagementOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/unlink-account',
    summary: 'Unlink one of the caller’s accounts, never the last way to sign in',
    body: UnlinkAccountDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: ['ACCOUNT_NOT_FOUND', 'FAILED_TO_UNLINK_LAST_ACCOUNT', 'SESSION_NOT_FRESH'],
    handle: async (ctx, dto) => {
      const { user, session } = await ctx.requireSession();
      assertFreshSession(ctx.auth, session);
      await unlinkAccount(ctx.auth, ctx.auth.models.user.read(user, 'id'), dto, options.allowUnlinkingAll);
      return { status: true };
    },
  });
}

/**
 * The fields an account may show: picked one by one rather than filtered, so a password hash or a token
 * column added later can never slip out. `scope` is stored comma-separated, as better-auth stores it.
 */
function accountJson(auth: AuthContext, account: object): Record<string, unknown> {
  const model = auth.models.account;
  const scope = model.read(account, 'scope');
  return {
    id: model.read(account, 'id'),
    providerId: model.read(account, 'providerId'),
    accountId: model.read(account, 'accountId'),
    userId: model.read(account, 'userId'),
    scopes: typeof scope === 'string' ? scope.split(',').map((s) => s.trim()).filter(Boolean) : [],
    createdAt: model.read(account, 'createdAt'),
    updatedAt: model.read(account, 'updatedAt'),
  };
}
