/** Options of `SessionManagementPlugin`. */
export interface SessionManagementOptions {
  /** Mount `GET /list-sessions` (default true). */
  enableSessionListing?: boolean;
  /** Mount `POST /revoke-session`, `/revoke-sessions` and `/revoke-other-sessions` (default true). */
  enableSessionRevocation?: boolean;
  /**
   * `GET /get-session` without a session answers 200 `null` (default, as better-auth's server does and its
   * client expects: `useSession` reads `null` as "signed out", a 401 as an error); `true` answers 401
   * `UNAUTHORIZED` instead, as earlier versions did.
   */
  requireAuthentication?: boolean;
}

export type ResolvedSessionManagementOptions = Required<SessionManagementOptions>;

export function resolveSessionManagementOptions(options: SessionManagementOptions): ResolvedSessionManagementOptions {
  return {
    enableSessionListing: options.enableSessionListing ?? true,
    enableSessionRevocation: options.enableSessionRevocation ?? true,
    requireAuthentication: options.requireAuthentication ?? false,
  };
}
