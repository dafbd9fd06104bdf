import type { JWK } from 'jose';
import type { PublishedKey } from './jwt-types';
import type { AuthContext } from '../../core/auth-context';
import type { SecretBox } from '../../crypto/secret-box';
import { generateKeyPairFor, jose, privateKeyBox, publicMembers } from './key-pairs';
import type { JwtAlgorithm, ResolvedJwtOptions } from './options';
import { jwksModel, type JwksRow } from './schema';

/** The key a token is signed with now. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly key: CryptoKey | Uint8Array;
  /** When this process asks the table again (soon, and never after the key's own expiry). */
  readonly recheckAt: number;
  /** When the key stops signing (ms), or `null` when it never does. */
  readonly expiresAt: number | null;
}


// How long a process signs with the key it found before it looks again: another process's rotation or
// settlement is seen within this, and a key it stops using still verifies (it stays published).
const SIGNING_RECHECK_MS = 60_000;
// With rotation, the next key is published this long (at most half an interval) before it starts signing, so a
// verifier whose cached key set is younger than this already holds it when its first token arrives.
const PUBLISH_AHEAD_MAX_MS = 15 * 60_000;

/**
 * The `jwks` table as the plugin uses it: which key signs now, which keys are published, and making keys.
 *
 * Which key signs is decided by a rule every process applies to the same rows: the oldest live key (not
 * expired, of the configured algorithm, openable with this secret), ties broken by id. Parallel first requests
 * in one process share one creation; two processes that both find no key each insert one, then read the table
 * again and apply the rule: the loser retires its own key at once (`expiresAt = now`), which keeps it published
 * for the grace period. So no key that may have signed a token ever leaves the key set early, and every token
 * verifies against `/jwks` whichever process signed it.
 *
 * With `rotationInterval`, the successor is made ahead (up to 15 minutes, at most half an interval, before the
 * current key expires) and signs only once it is the oldest live key: verifiers see it in `/jwks` before any
 * token names it.
 */
export class KeyRing {
  private readonly box: SecretBox;
  private current: SigningKey | null = null;
  private pending: Promise<SigningKey> | null = null;
  private readonly unopenedWarned = new Set<string>();

  constructor(
    private readonly auth: AuthContext,
    private readonly options: ResolvedJwtOptions,
  ) {
    this.box = privateKeyBox(auth.config.secret);
  }

  /** The key to sign with now, made on first use. */
  async signingKey(): Promise<SigningKey> {
    if (this.current && Date.now() < this.current.recheckAt) return this.current;
    this.pending ??= this.resolveSigningKey().finally(() => {
      this.pending = null;
    });
    this.current = await this.pending;
    return this.current;
  }

  /** The public keys verifiers may use: every key not past its expiry plus the grace period (a key is made if there is none). */
  async publishedKeys(): Promise<PublishedKey[]> {
    return (await this.keysWithEnd()).map(({ key }) => key);
  }

  /** The published keys, each with the time (ms) it stops being published (`Infinity` for a key that never expires). */
  async keysWithEnd(): Promise<Array<{ key: PublishedKey; until: number }>> {
    let rows = await this.rows();
    // The first key is made when a verifier first asks, so it is published before any token it signs.
    if (rows.length === 0) {
      await this.signingKey();
      rows = await this.rows();
    }
    const now = Date.now();
    return rows
      .map((row) => ({ key: this.published(row), until: this.publishedUntil(row) }))
      .filter(({ until }) => until > now);
  }

  /**
   * Retires the signing key now and makes the next one: tokens it signed keep verifying for the grace period.
   * @example
   * await auth.api.jwt.rotate();
   */
  async rotate(): Promise<{ kid: string }> {
    const { kid } = await this.signingKey();
    await this.records().update({ id: kid }, { expiresAt: new Date() });
    this.current = null;
    return { kid: (await this.signingKey()).kid };
  }

  private publishedUntil(row: JwksRow): number {
    return row.expiresAt === null ? Number.POSITIVE_INFINITY : row.expiresAt.getTime() + this.options.gracePeriodSeconds * 1000;
  }

  private published(row: JwksRow): PublishedKey {
    const jwk = publicMembers(JSON.parse(row.publicKey) as Record<string, unknown>);
    return { alg: this.algOf(row), ...(row.crv ? { crv: row.crv } : {}), ...jwk, kid: row.id };
  }

  private algOf(row: JwksRow): string {
    // Rows written before better-auth had the column are its default algorithm.
    return row.alg ?? 'EdDSA';
  }

  private async resolveSigningKey(): Promise<SigningKey> {
    const rows = await this.rows();
    const found = await this.chosen(rows);
    if (!found) return this.createKey();
    await this.publishSuccessorIfDue(found, rows);
    return found;
  }

  /** How long before the current key's expiry its successor is published (`null` without rotation). */
  private publishAheadMs(): number | null {
    const rotation = this.options.rotationIntervalSeconds;
    return rotation === null ? null : Math.min(PUBLISH_AHEAD_MAX_MS, (rotation * 1000) / 2);
  }

  /**
   * Makes the key that signs after `current`, once `current` is within the publish-ahead window of its expiry
   * and no successor exists yet. Two processes doing it at once settle as for a first key: the later successor
   * (by the same rule) is retired at once, having signed nothing.
   */
  private async publishSuccessorIfDue(current: SigningKey, rows: readonly JwksRow[]): Promise<void> {
    const ahead = this.publishAheadMs();
    if (ahead === null || current.expiresAt === null || current.expiresAt - Date.now() > ahead) return;
    const successors = (list: readonly JwksRow[]) =>
      list.filter((row) => row.id !== current.kid && this.algOf(row) === this.options.keyPair.alg && row.expiresAt !== null && row.expiresAt.getTime() > current.expiresAt!);
    if (successors(rows).length > 0) return;
    const mine = await this.insertKey(new Date(current.expiresAt + this.options.rotationIntervalSeconds! * 1000));
    const [first] = successors(await this.rows()).sort(byAge);
    if (first && first.id !== mine.id) await this.records().update({ id: mine.id }, { expiresAt: new Date() });
  }

  /** The signing key the rule picks among `rows`, imported; `null` when no row qualifies. */
  private async chosen(rows: readonly JwksRow[]): Promise<SigningKey | null> {
    const now = Date.now();
    const alg: JwtAlgorithm = this.options.keyPair.alg;
    const candidates = rows.filter((row) => this.algOf(row) === alg && (row.expiresAt === null || row.expiresAt.getTime() > now)).sort(byAge);
    for (const row of candidates) {
      const key = await this.openPrivateKey(row);
      if (!key) continue;
      const expiresAt = row.expiresAt?.getTime() ?? null;
      // Asked again by the start of the publish-ahead window (to make the successor), and by the expiry at the latest.
      const ahead = this.publishAheadMs();
      const successorDue = expiresAt === null || ahead === null ? Number.POSITIVE_INFINITY : expiresAt - ahead;
      const recheckAt = Math.min(now + SIGNING_RECHECK_MS, successorDue > now ? successorDue : (expiresAt ?? Number.POSITIVE_INFINITY));
      return { kid: row.id, alg, key, recheckAt, expiresAt };
    }
    return null;
  }

  /** The private key of a row, or `null` when it was not sealed with this secret (another secret, better-auth's format). */
  private async openPrivateKey(row: JwksRow): Promise<CryptoKey | Uint8Array | null> {
    const opened = this.box.open(row.privateKey);
    if (opened === null) {
      // Said once per key (its id only): the secret changed, or better-auth sealed it in its own format.
      if (!this.unopenedWarned.has(row.id)) {
        this.unopenedWarned.add(row.id);
        this.auth.config.logger.warn(`JwtPlugin: key ${row.id} of the jwks table was not sealed with this secret; it stays published but signs nothing.`);
      }
      return null;
    }
    const { importJWK } = await jose();
    return importJWK(JSON.parse(opened) as JWK, this.algOf(row));
  }

  private async createKey(): Promise<SigningKey> {
    const rotation = this.options.rotationIntervalSeconds;
    const mine = await this.insertKey(rotation === null ? null : new Date(Date.now() + rotation * 1000));
    // Another process may have made one at the same time: every process settles on the same key by the rule.
    const settled = await this.chosen(await this.rows());
    if (settled && settled.kid !== mine.id) {
      await this.records().update({ id: mine.id }, { expiresAt: new Date() });
      return settled;
    }
    return settled ?? (await this.chosen([mine]))!;
  }

  /** Stores a new key pair of the configured algorithm, its private half sealed. */
  private async insertKey(expiresAt: Date | null): Promise<JwksRow> {
    const pair = await generateKeyPairFor(this.options.keyPair);
    return this.records().create({
      publicKey: JSON.stringify(pair.publicJwk),
      privateKey: this.box.seal(JSON.stringify(pair.privateJwk)),
      createdAt: new Date(),
      expiresAt,
      alg: pair.alg,
      crv: pair.crv,
    });
  }

  private rows(): Promise<JwksRow[]> {
    return this.records().findMany({});
  }

  private records() {
    return this.auth.records(jwksModel);
  }
}

/** Oldest first, ties by id: the order every process applies to the same rows. */
function byAge(a: JwksRow, b: JwksRow): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
