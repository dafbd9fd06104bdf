import { ConfigError } from '../../errors/config-error';
import type { SocialProvider } from './provider';
import { traceProvider } from './traced-provider';

/** When a provider account may join a user who already exists with the same email. */
export interface AccountLinkingOptions {
  /** Link by email at all (default true). Off, a known email signing in with a new provider is refused. */
  enabled?: boolean;
  /**
   * Providers the app trusts to own the addresses they report: they may link into a user whose own email
   * was never verified (otherwise only a verified local email links, so a squatter who registered the
   * victim's address with a password cannot keep a way in).
   */
  trustedProviders?: readonly string[];
  /** `link-social` accepts a provider account whose email differs from the user's (default false). */
  allowDifferentEmails?: boolean;
}

/** Options of `SocialSignInPlugin`. */
export interface SocialSignInOptions {
  providers: readonly SocialProvider[];
  accountLinking?: AccountLinkingOptions;
  /** Where the callback sends the browser when it failed before knowing the flow's error URL (default the baseURL). */
  errorURL?: string;
  /** How long a started sign-in may take at the provider, in seconds (default 600). */
  stateTtlSeconds?: number;
}

export interface ResolvedSocialSignInOptions {
  readonly providers: ReadonlyMap<string, SocialProvider>;
  readonly accountLinking: Readonly<Required<AccountLinkingOptions>>;
  readonly errorURL: string | undefined;
  readonly stateTtlSeconds: number;
}

export function resolveSocialSignInOptions(options: SocialSignInOptions): ResolvedSocialSignInOptions {
  const providers = new Map<string, SocialProvider>();
  for (const provider of options.providers) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(provider.id)) throw new ConfigError(`Social provider id "${provider.id}": use letters, digits, "-" and "_".`);
    if (providers.has(provider.id)) throw new ConfigError(`Social provider "${provider.id}" is configured twice.`);
    providers.set(provider.id, traceProvider(provider));
  }
  return Object.freeze({
    providers,
    accountLinking: Object.freeze({
      enabled: options.accountLinking?.enabled ?? true,
      trustedProviders: options.accountLinking?.trustedProviders ?? [],
      allowDifferentEmails: options.accountLinking?.allowDifferentEmails ?? false,
    }),
    errorURL: options.errorURL,
    stateTtlSeconds: options.stateTtlSeconds ?? 600,
  });
}
