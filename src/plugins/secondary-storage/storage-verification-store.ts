import type { Logger } from '../../core/logger';
import type { SecondaryStorage } from '../../core/secondary-storage';
import type { ConsumedVerification, StoredVerification, VerificationStore } from '../../core/verification-store';

// better-auth's key shape; the identifier is already `purpose:SHA-256(token)`.
const keyOf = (identifier: string) => `verification:${identifier}`;

/**
 * Verification values in the secondary storage instead of the database: expiry is the key's TTL, and single
 * use is the storage's atomic `take` (Redis `GETDEL`), so one consume wins across every process.
 *
 * The database stays behind it for two cases, each value living in one place only (so single use holds):
 * a value that could not be written while the storage was away is written to the database (and logged),
 * and a value the storage does not hold is looked for there, which also keeps links mailed before the
 * storage was configured working.
 */
export class StorageVerificationStore implements VerificationStore {
  private away = false;

  constructor(
    private readonly storage: SecondaryStorage,
    private readonly database: VerificationStore,
    private readonly logger: Logger,
  ) {}

  async create(identifier: string, value: string, expiresAt: Date): Promise<void> {
    const ttlSeconds = Math.ceil((expiresAt.getTime() - Date.now()) / 1000);
    if (ttlSeconds < 1) return; // expired on arrival: nothing could ever consume it
    try {
      await this.storage.set(keyOf(identifier), JSON.stringify({ value, expiresAt: expiresAt.getTime() }), ttlSeconds);
      this.recovered();
    } catch (error) {
      this.unreachable(error);
      await this.database.create(identifier, value, expiresAt);
    }
  }

  async find(identifier: string): Promise<StoredVerification | null> {
    const stored = await this.read(() => this.storage.get(keyOf(identifier)));
    return stored ?? this.database.find(identifier);
  }

  async consume(identifier: string, now: Date): Promise<ConsumedVerification> {
    const taken = await this.read(() => this.storage.take(keyOf(identifier)));
    if (!taken) return this.database.consume(identifier, now);
    return taken.expiresAt.getTime() <= now.getTime() ? 'expired' : taken;
  }

  /** A storage read; `null` (so the database is asked) when the key is missing or the storage is away. */
  private async read(get: () => Promise<string | null>): Promise<StoredVerification | null> {
    let raw: string | null;
    try {
      raw = await get();
      this.recovered();
    } catch (error) {
      this.unreachable(error);
      return null;
    }
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { value: string; expiresAt: number };
    return { value: parsed.value, expiresAt: new Date(parsed.expiresAt) };
  }

  private unreachable(error: unknown): void {
    if (this.away) return;
    this.away = true;
    this.logger.error(`secondary storage unreachable, verification values go to the database: ${error instanceof Error ? error.message : String(error)}`);
  }

  private recovered(): void {
    if (!this.away) return;
    this.away = false;
    this.logger.warn('secondary storage reachable again: verification values are kept there');
  }
}
