/** What an app's own sender gets instead of an email composed by the engine. */
export interface MagicLinkDelivery {
  email: string;
  /** The link to follow; it carries the token: a secret, never log it. */
  url: string;
  token: string;
}

/** Options of `MagicLinkPlugin`. */
export interface MagicLinkOptions {
  /** How long a link works, in seconds (default 300: five minutes, as better-auth). */
  expiresIn?: number;
  /** Refuse to create users: a link for an unknown address lands on the error URL with `error=new_user_signup_disabled` (default false). */
  disableSignUp?: boolean;
  /**
   * Sends the link through the app's own channel instead of `AuthConfig.emailSender` (which then is not needed).
   * Without it the engine sends an email of kind `magic-link:sign-in`.
   */
  sendMagicLink?: (delivery: MagicLinkDelivery) => Promise<void> | void;
  /** Requests per client address and minute on both routes (default 5, better-auth's). */
  rateLimitMax?: number;
}

export interface ResolvedMagicLinkOptions {
  readonly expiresIn: number;
  readonly disableSignUp: boolean;
  readonly sendMagicLink: MagicLinkOptions['sendMagicLink'] | null;
  readonly rateLimitMax: number;
}

export function resolveMagicLinkOptions(options: MagicLinkOptions): ResolvedMagicLinkOptions {
  const resolved = {
    expiresIn: options.expiresIn ?? 300,
    disableSignUp: options.disableSignUp ?? false,
    sendMagicLink: options.sendMagicLink ?? null,
    rateLimitMax: options.rateLimitMax ?? 5,
  };
  if (!(resolved.expiresIn > 0)) throw new Error(`MagicLinkPlugin: expiresIn must be a positive number of seconds (got ${resolved.expiresIn}).`);
  if (!(Number.isInteger(resolved.rateLimitMax) && resolved.rateLimitMax >= 1)) throw new Error(`MagicLinkPlugin: rateLimitMax must be an integer >= 1 (got ${resolved.rateLimitMax}).`);
  return Object.freeze(resolved);
}
