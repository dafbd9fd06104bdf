/** Options of `UsernamePlugin`, with better-auth's names. */
export interface UsernameOptions {
  /** Shortest accepted username (default 3). */
  minUsernameLength?: number;
  /** Longest accepted username (default 30). */
  maxUsernameLength?: number;
  /** Which usernames are well-formed (default: letters, digits, `_` and `.`). Checked before normalisation. */
  usernameValidator?: (username: string) => boolean | Promise<boolean>;
  /** Which display usernames are acceptable (default: any string up to 256 characters). */
  displayUsernameValidator?: (displayUsername: string) => boolean | Promise<boolean>;
  /** A username, once set, cannot change through update-user (default false). */
  immutableUsername?: boolean;
}

export interface ResolvedUsernameOptions {
  minUsernameLength: number;
  maxUsernameLength: number;
  usernameValidator: (username: string) => boolean | Promise<boolean>;
  displayUsernameValidator: (displayUsername: string) => boolean | Promise<boolean>;
  immutableUsername: boolean;
}

const WELL_FORMED = /^[a-zA-Z0-9_.]+$/;
const MAX_DISPLAY_USERNAME = 256;

export function resolveUsernameOptions(options: UsernameOptions): ResolvedUsernameOptions {
  const resolved: ResolvedUsernameOptions = {
    minUsernameLength: options.minUsernameLength ?? 3,
    maxUsernameLength: options.maxUsernameLength ?? 30,
    usernameValidator: options.usernameValidator ?? ((username) => WELL_FORMED.test(username)),
    displayUsernameValidator: options.displayUsernameValidator ?? ((displayUsername) => displayUsername.length <= MAX_DISPLAY_USERNAME),
    immutableUsername: options.immutableUsername ?? false,
  };
  if (!(resolved.minUsernameLength >= 1 && resolved.maxUsernameLength >= resolved.minUsernameLength && resolved.maxUsernameLength <= 255)) {
    throw new Error(`UsernamePlugin: need 1 <= minUsernameLength <= maxUsernameLength <= 255 (got ${resolved.minUsernameLength} and ${resolved.maxUsernameLength}).`);
  }
  return resolved;
}
