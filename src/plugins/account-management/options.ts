/** Options of `AccountManagementPlugin`. */
export interface AccountManagementOptions {
  /** Let a user unlink the last account that can sign them in, locking themselves out (default false). */
  allowUnlinkingAll?: boolean;
}

export type ResolvedAccountManagementOptions = Readonly<Required<AccountManagementOptions>>;

export function resolveAccountManagementOptions(options: AccountManagementOptions): ResolvedAccountManagementOptions {
  return Object.freeze({ allowUnlinkingAll: options.allowUnlinkingAll ?? false });
}
