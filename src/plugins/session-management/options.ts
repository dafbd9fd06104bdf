/** Options of `SessionManagementPlugin`. */
export interface SessionManagementOptions {
  /** Mount `GET /list-sessions` (default true). */
  enableSessionListing?: boolean;
  /** Mount `POST /revoke-session`, `/revoke-sessions` and `/revoke-other-sessions` (default true). */
  enableSessionRevocation?: boolean;
  /**
   * `GET /get-session` without a session answers 401 `UNAUTHORIZED` (default, as the Rust port does); set
   * `false` to answer 200 `null` instead, as better-auth's own server does.
   */
  requireAuthentication?: boolean;
}

export type ResolvedSessionManagementOptions = Required<SessionManagementOptions>;

export function resolveSessionManagementOptions(options: SessionManagementOptions): ResolvedSessionManagementOptions {
  return {
    enableSessionListing: options.enableSessionListing ?? true,
    enableSessionRevocation: options.enableSessionRevocation ?? true,
    requireAuthentication: options.requireAuthentication ?? true,
  };
}
