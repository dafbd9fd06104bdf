/** Options of `UserPlugin`; `U` is the app's user class, so the delete callbacks see an `AppUser`. */
export interface UserPluginOptions<U extends object = object> {
  /** Mount `POST /change-email` (default true). */
  enableChangeEmail?: boolean;
  /** Mount `POST /delete-user` and `GET /delete-user/callback` (default true). */
  enableDeleteUser?: boolean;
  /** Delete only after the user follows an emailed link (default false; needs `AuthConfig.emailSender`). */
  sendDeleteConfirmation?: boolean;
  /** How long a deletion link works, in seconds (default 86400: one day, as in better-auth). */
  deleteTokenExpiresIn?: number;
  /** Runs before a user is deleted; throw an `AuthError` to refuse (the user owns an organization, say). */
  beforeDelete?: (user: U) => void | Promise<void>;
  /** Runs after a user, its sessions, accounts and memberships are gone (clean up your own tables here). */
  afterDelete?: (user: U) => void | Promise<void>;
}

export interface ResolvedUserPluginOptions {
  readonly enableChangeEmail: boolean;
  readonly enableDeleteUser: boolean;
  readonly sendDeleteConfirmation: boolean;
  readonly deleteTokenExpiresIn: number;
  readonly beforeDelete: ((user: object) => void | Promise<void>) | undefined;
  readonly afterDelete: ((user: object) => void | Promise<void>) | undefined;
}

export function resolveUserPluginOptions<U extends object>(options: UserPluginOptions<U>): ResolvedUserPluginOptions {
  const resolved = {
    enableChangeEmail: options.enableChangeEmail ?? true,
    enableDeleteUser: options.enableDeleteUser ?? true,
    sendDeleteConfirmation: options.sendDeleteConfirmation ?? false,
    deleteTokenExpiresIn: options.deleteTokenExpiresIn ?? 86_400,
    // The engine holds users as `object`; the app's callbacks are typed with its own class.
    beforeDelete: options.beforeDelete as ResolvedUserPluginOptions['beforeDelete'],
    afterDelete: options.afterDelete as ResolvedUserPluginOptions['afterDelete'],
  };
  if (!(resolved.deleteTokenExpiresIn > 0)) {
    throw new Error(`UserPlugin: deleteTokenExpiresIn must be a positive number of seconds (got ${resolved.deleteTokenExpiresIn}).`);
  }
  return Object.freeze(resolved);
}
