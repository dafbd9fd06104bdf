import type { DatabaseAdapter } from '../../adapters/database-adapter';

/** A stored verification value: the JSON payload of a token and when it stops being usable. */
export interface StoredVerification {
  readonly value: string;
  readonly expiresAt: Date;
}

/** What consuming found: the value (now gone for everyone), an expired one (removed too), or nothing. */
export type ConsumedVerification = StoredVerification | 'expired' | null;

/**
 * Where verification values (the digests of emailed tokens with their payload) live: the seam between
 * `VerificationTokens` and storage, as `SessionStore` is for sessions. The database by default; with a
 * secondary storage the secondary-storage plugin installs its own through `AuthContext.useVerificationStore`.
 * Identifiers are `purpose:SHA-256(token)`, never the raw token.
 * @example
 * init(auth) { auth.useVerificationStore((database) => new StorageVerificationStore(redis, database, logger)); }
 */
export interface VerificationStore {
  create(identifier: string, value: string, expiresAt: Date): Promise<void>;
  /** The value under an identifier, expired or not; `null` when unknown. */
  find(identifier: string): Promise<StoredVerification | null>;
  /**
   * Single use: removes the value and answers it, atomically, so of any number of concurrent calls (in any
   * process) at most one gets it. An expired value is removed and answered as `'expired'`.
   */
  consume(identifier: string, now: Date): Promise<ConsumedVerification>;
}

/** The default store: the `verification` table through the adapter's atomic `consumeVerification`. */
export class DatabaseVerificationStore implements VerificationStore {
  constructor(private readonly db: DatabaseAdapter) {}

  async create(identifier: string, value: string, expiresAt: Date): Promise<void> {
    const now = new Date();
    await this.db.createVerification({ identifier, value, expiresAt, createdAt: now, updatedAt: now });
  }

  async find(identifier: string): Promise<StoredVerification | null> {
    const record = await this.db.getVerificationByIdentifier(identifier);
    return record ? this.stored(record) : null;
  }

  async consume(identifier: string, now: Date): Promise<ConsumedVerification> {
    // Looked at first only to tell "expired" from "unknown or used"; the consume alone decides who wins.
    const seen = await this.db.getVerificationByIdentifier(identifier);
    if (!seen) return null;
    const consumed = await this.db.consumeVerification(identifier, now);
    if (consumed) return this.stored(consumed);
    return this.stored(seen).expiresAt.getTime() <= now.getTime() ? 'expired' : null;
  }

  private stored(record: object): StoredVerification {
    const model = this.db.models.verification;
    return { value: String(model.read(record, 'value')), expiresAt: model.read(record, 'expiresAt') };
  }
}
