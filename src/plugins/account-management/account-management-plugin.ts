import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { resolveAccountManagementOptions, type AccountManagementOptions, type ResolvedAccountManagementOptions } from './options';
import { listAccountsRoute, unlinkAccountRoute } from './routes';

/**
 * The accounts linked to a user (the password one, social providers): `GET /list-accounts`,
 * `POST /unlink-account`.
 * @example
 * auth.plugin(new AccountManagementPlugin({ allowUnlinkingAll: false }))
 */
export class AccountManagementPlugin implements AuthPlugin {
  readonly id = 'account-management';
  readonly options: ResolvedAccountManagementOptions;

  constructor(options: AccountManagementOptions = {}) {
    this.options = resolveAccountManagementOptions(options);
  }

  routes(): RouteDefinition[] {
    return [listAccountsRoute(), unlinkAccountRoute(this.options)];
  }
}
