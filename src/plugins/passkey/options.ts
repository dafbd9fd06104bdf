import type { PasskeyTableNames } from './schema';
import type { AuthContext } from '../../core/auth-context';

/**
 * WebAuthn's `AuthenticatorSelectionCriteria`, declared here so the public options carry no type of the WebAuthn
 * library (an app's type check never depends on how that package publishes its declarations).
 */
export interface PasskeyAuthenticatorSelection {
  authenticatorAttachment?: 'platform' | 'cross-platform';
  residentKey?: 'discouraged' | 'preferred' | 'required';
  requireResidentKey?: boolean;
  userVerification?: 'discouraged' | 'preferred' | 'required';
}

/** Options of `PasskeyPlugin`. */
export interface PasskeyOptions {
  /** The table's SQL name and column names, where yours differ (`BETTER_AUTH_PASSKEY_NAMES` for a better-auth database). */
  schema?: { passkey?: PasskeyTableNames };
  /**
   * The relying party id: the domain passkeys are bound to (default: the host name of `baseURL`). Set it to
   * the registrable domain the browser shows (`example.com`) when the auth server runs on another host or
   * behind a proxy; a passkey made for one rp id never works for another.
   */
  rpID?: string;
  /** The name authenticators show beside the passkey (default: the rp id). */
  rpName?: string;
  /**
   * The origins a ceremony may come from (default: the origin of `baseURL` and every trusted origin). Set it
   * when pages that use passkeys are served from an origin the auth server cannot see (behind a proxy).
   */
  origin?: string | string[];
  /** Merged into the registration options (default: resident key and user verification preferred). */
  authenticatorSelection?: PasskeyAuthenticatorSelection;
  /** How long a ceremony's challenge lives, in seconds (default 300, as better-auth). */
  challengeMaxAgeSeconds?: number;
}

export interface ResolvedPasskeyOptions {
  readonly rpID: string | null;
  readonly rpName: string | null;
  readonly origins: readonly string[] | null;
  readonly authenticatorSelection: PasskeyAuthenticatorSelection;
  readonly challengeMaxAgeSeconds: number;
}

export function resolvePasskeyOptions(options: PasskeyOptions): ResolvedPasskeyOptions {
  const origins = options.origin === undefined ? null : ([] as string[]).concat(options.origin);
  for (const origin of origins ?? []) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) throw new Error(`PasskeyPlugin: origin "${origin}" is not an origin; write it like https://app.example.com.`);
  }
  const resolved = {
    rpID: options.rpID ?? null,
    rpName: options.rpName ?? null,
    origins,
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred', ...options.authenticatorSelection } as PasskeyAuthenticatorSelection,
    challengeMaxAgeSeconds: options.challengeMaxAgeSeconds ?? 300,
  };
  if (!(resolved.challengeMaxAgeSeconds > 0)) throw new Error(`PasskeyPlugin: challengeMaxAgeSeconds must be positive (got ${resolved.challengeMaxAgeSeconds}).`);
  return Object.freeze(resolved);
}

/** The relying party as this instance sees it: the options, else what `baseURL` and the trusted origins say. */
export interface RelyingParty {
  readonly id: string;
  readonly name: string;
  readonly origins: string[];
}

export function relyingParty(auth: AuthContext, options: ResolvedPasskeyOptions): RelyingParty {
  const id = options.rpID ?? auth.config.baseURL.hostname;
  return { id, name: options.rpName ?? id, origins: options.origins ? [...options.origins] : [...auth.config.trustedOrigins] };
}
