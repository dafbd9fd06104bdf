import type { AuthContext } from '../../core/auth-context';
import { jose, publicMembers } from './key-pairs';
import type { KeyRing } from './key-ring';
import type { JwtClaims, PublishedKey, VerifyExpectations } from './jwt-types';
import type { ResolvedJwtOptions } from './options';

// How long verification trusts the key set it read, and how often an unknown `kid` may make it read again
// (a flood of made-up kids must not become a flood of queries).
const KEYS_FRESH_MS = 30_000;
const UNKNOWN_KID_COOLDOWN_MS = 1_000;

/**
 * Signs tokens with the key ring's current key and verifies them against its published keys: `iss` and `aud`
 * default to the origin of `baseURL`, `exp` to `iat` plus the configured lifetime.
 */
export class TokenSigner {
  private keys: { read: number; byKid: Map<string, { key: PublishedKey; until: number }> } | null = null;
  private lastUnknownKidRead = 0;

  constructor(
    private readonly auth: AuthContext,
    private readonly ring: KeyRing,
    private readonly options: ResolvedJwtOptions,
  ) {}

  get issuer(): string {
    return this.options.issuer ?? this.auth.config.baseURL.origin;
  }

  get audience(): string | string[] {
    return this.options.audience ?? this.auth.config.baseURL.origin;
  }

  /** A signed JWT of `claims`; the given `iat`, `exp`, `iss`, `aud` win over the defaults. */
  async sign(claims: JwtClaims): Promise<string> {
    const { SignJWT } = await jose();
    const { kid, alg, key } = await this.ring.signingKey();
    const iat = typeof claims.iat === 'number' ? claims.iat : Math.floor(Date.now() / 1000);
    const body: JwtClaims = {
      ...claims,
      iat,
      exp: typeof claims.exp === 'number' ? claims.exp : iat + this.options.lifetimeSeconds,
      iss: claims.iss ?? this.issuer,
      aud: claims.aud ?? this.audience,
    };
    return new SignJWT(body).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
  }

  /**
   * The claims of a token this instance signed with a published key, or `null`: a bad signature, an unknown
   * or retired key, a wrong issuer or audience, an expired token, or no `sub` all answer `null`.
   */
  async verify(token: string, expect: VerifyExpectations = {}): Promise<JwtClaims | null> {
    const { decodeProtectedHeader, importJWK, jwtVerify } = await jose();
    try {
      const { kid } = decodeProtectedHeader(token);
      if (typeof kid !== 'string') return null;
      const published = await this.keyOf(kid);
      if (!published) return null;
      const key = await importJWK(publicMembers(published), published.alg);
      const { payload } = await jwtVerify(token, key, {
        algorithms: [published.alg],
        issuer: expect.issuer ?? this.issuer,
        audience: expect.audience ?? this.audience,
        requiredClaims: ['sub', 'exp'],
      });
      return payload as JwtClaims;
    } catch {
      return null;
    }
  }

  private async keyOf(kid: string): Promise<PublishedKey | undefined> {
    const now = Date.now();
    if (!this.keys || now - this.keys.read > KEYS_FRESH_MS) await this.readKeys();
    let found = this.keys!.byKid.get(kid);
    if (!found && now - this.lastUnknownKidRead >= UNKNOWN_KID_COOLDOWN_MS) {
      this.lastUnknownKidRead = now;
      await this.readKeys();
      found = this.keys!.byKid.get(kid);
    }
    // A key whose grace period ended while the set was cached verifies nothing from then on.
    return found && found.until > Date.now() ? found.key : undefined;
  }

  private async readKeys(): Promise<void> {
    const keys = await this.ring.keysWithEnd();
    this.keys = { read: Date.now(), byKid: new Map(keys.map((entry) => [entry.key.kid, entry])) };
  }
}
