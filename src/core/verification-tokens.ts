import { randomBytes } from 'node:crypto';
import { digestToken } from '../crypto/session-token';
import type { StoredVerification, VerificationStore } from './verification-store';
import { telemetry } from '../observability/telemetry';

/** The purposes of the engine's own flows (unprefixed: links already mailed must keep working). */
export type CoreTokenPurpose = 'reset-password' | 'verify-email' | 'delete-account';

const CORE_PURPOSES: readonly CoreTokenPurpose[] = ['reset-password', 'verify-email', 'delete-account'];

/**
 * What a token was issued for; part of the stored identifier, so a token of one kind never passes as another.
 * A plugin's purposes are named `<plugin id>:<name>` and declared in its `tokenPurposes`.
 */
export type TokenPurpose = CoreTokenPurpose | `${string}:${string}`;

/** What the token carries (the user it acts for, and whatever else the flow needs), stored as JSON. */
export type TokenPayload = Readonly<Record<string, string>>;

/** The outcome of checking a token: its payload, or why it cannot be used. */
export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; code: 'INVALID_TOKEN' | 'TOKEN_EXPIRED' };

// Real tokens are 43 characters; anything much longer is refused before the database sees it.
const MAX_TOKEN_LENGTH = 256;

/**
 * Single-use tokens for emailed links. A token is 32 random bytes (base64url) that only the email holds;
 * the store keeps `purpose:SHA-256(token)` as the identifier, so a leaked row cannot be replayed. Values live
 * in a `VerificationStore` (the verification table, or a secondary storage) whose atomic `consume` makes
 * them single use: of any number of concurrent uses, in any process, one wins.
 * @example
 * const token = await auth.tokens.issue('reset-password', { userId }, 3600);
 * const check = await auth.tokens.consume('reset-password', token); // { ok: true, payload: { userId } }, once
 */
export class VerificationTokens {
  private readonly purposes = new Set<string>(CORE_PURPOSES);

  constructor(
    /** Replaced (once, while the instance is built) through `AuthContext.useVerificationStore`. */
    public store: VerificationStore,
  ) {}

  /** Adds a plugin's purposes (called by `BetterAuth.build()`); each must be `<plugin id>:<name>`. */
  declare(source: string, purposes: readonly string[]): void {
    for (const purpose of purposes) {
      if (!purpose.startsWith(`${source}:`) || purpose.length === source.length + 1) {
        throw new TypeError(`Plugin "${source}" declares the token purpose "${purpose}": name it "${source}:<name>".`);
      }
      if (this.purposes.has(purpose)) throw new TypeError(`The token purpose "${purpose}" is declared twice.`);
      this.purposes.add(purpose);
    }
  }

  /** Stores a new token's digest with its payload and returns the token, which exists only in this answer. */
  async issue(purpose: TokenPurpose, payload: TokenPayload, expiresInSeconds: number): Promise<string> {
    this.assertDeclared(purpose);
    const token = randomBytes(32).toString('base64url');
    await this.store.create(identifier(purpose, token), JSON.stringify(payload), new Date(Date.now() + expiresInSeconds * 1000));
    return token;
  }

  /** Checks a token without using it up (to show a form before the real use). */
  async peek(purpose: TokenPurpose, token: string, now = Date.now()): Promise<TokenCheck> {
    return counted(purpose, await this.check(purpose, token, now));
  }

  private async check(purpose: TokenPurpose, token: string, now: number): Promise<TokenCheck> {
    this.assertDeclared(purpose);
    if (!plausible(token)) return { ok: false, code: 'INVALID_TOKEN' };
    const stored = await this.store.find(identifier(purpose, token));
    if (!stored) return { ok: false, code: 'INVALID_TOKEN' };
    if (stored.expiresAt.getTime() <= now) return { ok: false, code: 'TOKEN_EXPIRED' };
    return payloadOf(stored);
  }

  /** Uses a token up: its payload once, then `INVALID_TOKEN` for ever (an expired one is removed too). */
  async consume(purpose: TokenPurpose, token: string, now = Date.now()): Promise<TokenCheck> {
    return counted(purpose, await this.use(purpose, token, now));
  }

  private async use(purpose: TokenPurpose, token: string, now: number): Promise<TokenCheck> {
    this.assertDeclared(purpose);
    if (!plausible(token)) return { ok: false, code: 'INVALID_TOKEN' };
    const consumed = await this.store.consume(identifier(purpose, token), new Date(now));
    if (consumed === 'expired') return { ok: false, code: 'TOKEN_EXPIRED' };
    if (!consumed) return { ok: false, code: 'INVALID_TOKEN' };
    // A store may answer a value whose expiry passed a moment ago (a TTL rounded up to the second).
    if (consumed.expiresAt.getTime() <= now) return { ok: false, code: 'TOKEN_EXPIRED' };
    return payloadOf(consumed);
  }

  // A purpose nobody declared is a typo in a plugin: fail loudly rather than issue tokens nothing can consume.
  private assertDeclared(purpose: string): void {
    if (!this.purposes.has(purpose)) throw new TypeError(`No plugin declares the token purpose "${purpose}": add it to the plugin's tokenPurposes.`);
  }
}

/** Counts a refused token in `auth.code.failures` by purpose and reason (never the token). */
function counted(purpose: TokenPurpose, check: TokenCheck): TokenCheck {
  if (!check.ok) telemetry.metrics()?.codeFailures.add(1, { 'auth.code.purpose': purpose, 'auth.error.code': check.code });
  return check;
}

function payloadOf(stored: StoredVerification): TokenCheck {
  try {
    const parsed: unknown = JSON.parse(stored.value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ok: true, payload: parsed as TokenPayload };
  } catch {
    // A value this engine did not write: not a token of ours.
  }
  return { ok: false, code: 'INVALID_TOKEN' };
}

function identifier(purpose: TokenPurpose, token: string): string {
  return `${purpose}:${digestToken(token)}`;
}

function plausible(token: string): boolean {
  return typeof token === 'string' && token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}
